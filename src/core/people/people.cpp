#include "core/people/people.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"

namespace convene {

const std::vector<Choice>& stakeholder_groups() {
    static const std::vector<Choice> all = {
        {"government", say_label("stakeholder_group.government")},
        {"private_sector", say_label("stakeholder_group.private_sector")},
        {"civil_society", say_label("stakeholder_group.civil_society")},
        {"technical_community", say_label("stakeholder_group.technical_community")},
        {"intergovernmental", say_label("stakeholder_group.intergovernmental")},
        {"academia", say_label("stakeholder_group.academia")},
        {"youth", say_label("stakeholder_group.youth")},
    };
    return all;
}

const std::vector<Choice>& genders() {
    static const std::vector<Choice> all = {
        {"woman", say_label("gender.woman")},
        {"man", say_label("gender.man")},
        {"non_binary", say_label("gender.non_binary")},
        {"self_described", say_label("gender.self_described")},
        {"", say_label("gender.unstated")},
    };
    return all;
}

bool is_choice(const std::vector<Choice>& choices, std::string_view code) {
    for (auto& c : choices)
        if (c.code == code) return true;
    return false;
}

std::string_view choice_label(const std::vector<Choice>& choices, std::string_view code) {
    for (auto& c : choices)
        if (c.code == code) return c.label;
    return code;
}

FieldErrors validate_person(const PersonDraft& p, bool email_required) {
    FieldErrors errors;
    if (auto e = check_text({"name", say("field.name"), true, 200}, p.name)) errors.push_back(*e);
    if (auto e = check_text({"email", say("field.email"), email_required, 254}, p.email)) {
        errors.push_back(*e);
    } else if (!p.email.empty() && !looks_like_email(p.email)) {
        errors.push_back({"email", say("person.email.malformed")});
    }
    if (auto e =
            check_text({"organisation", say("field.organisation"), false, 200}, p.organisation))
        errors.push_back(*e);
    if (!p.country.empty() && !find_country(p.country))
        errors.push_back({"country", say("person.country.unknown")});
    if (!p.stakeholder_group.empty() && !is_choice(stakeholder_groups(), p.stakeholder_group))
        errors.push_back({"stakeholder_group", say("person.stakeholder_group.unknown")});
    if (!is_choice(genders(), p.gender)) errors.push_back({"gender", say("person.gender.unknown")});
    return errors;
}

}  // namespace convene
