#include "core/people/people.hpp"

#include "core/common/text.hpp"
#include "core/people/country.hpp"

namespace convene {

const std::vector<Choice>& stakeholder_groups() {
    static const std::vector<Choice> all = {
        {"government", "Government"},
        {"private_sector", "Private Sector"},
        {"civil_society", "Civil Society"},
        {"technical_community", "Technical Community"},
        {"intergovernmental", "Intergovernmental Organisation"},
        {"academia", "Academia"},
        {"youth", "Youth"},
    };
    return all;
}

const std::vector<Choice>& genders() {
    static const std::vector<Choice> all = {
        {"woman", "Woman"},           {"man", "Man"},
        {"non_binary", "Non-binary"}, {"self_described", "Self-described"},
        {"", "Prefer not to say"},
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
    if (auto e = check_text({"name", "Name", true, 200}, p.name)) errors.push_back(*e);
    if (auto e = check_text({"email", "E-mail", email_required, 254}, p.email)) {
        errors.push_back(*e);
    } else if (!p.email.empty() && !looks_like_email(p.email)) {
        errors.push_back({"email", "E-mail must look like name@example.org."});
    }
    if (auto e = check_text({"organisation", "Organisation", false, 200}, p.organisation))
        errors.push_back(*e);
    if (!p.country.empty() && !find_country(p.country))
        errors.push_back({"country", "Country must be an ISO 3166 code such as KE or BR."});
    if (!p.stakeholder_group.empty() && !is_choice(stakeholder_groups(), p.stakeholder_group))
        errors.push_back({"stakeholder_group", "Stakeholder group is not one of the choices."});
    if (!is_choice(genders(), p.gender))
        errors.push_back({"gender", "Gender is not one of the choices."});
    return errors;
}

}  // namespace convene
