#include "core/proposals/proposal_form.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "core/screening/screening.hpp"

namespace convene {

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

bool form_shows(const std::string& session_type, const std::string& field) {
    if (session_type == "workshop") return true;
    static const std::vector<std::string> workshop_only = {
        "format", "policy_questions", "tags", "sdgs", "background_paper", "rapporteurs"};
    return std::find(workshop_only.begin(), workshop_only.end(), field) == workshop_only.end();
}

std::vector<int> allowed_durations(const Call& call, const std::string& session_type,
                                   const std::string& format) {
    if (!format.empty())
        if (const auto* f = find_format(call, format)) return f->durations;
    for (const auto& t : standard_session_types())
        if (t.code == session_type && session_type != "workshop") return t.durations;
    std::vector<int> all;
    for (const auto& f : call.formats)
        for (int d : f.durations)
            if (std::find(all.begin(), all.end(), d) == all.end()) all.push_back(d);
    std::sort(all.begin(), all.end());
    return all;
}

const std::vector<std::string>& confirmation_states() {
    static const std::vector<std::string> all = {"proposed", "invited", "provisionally_confirmed",
                                                 "confirmed", "declined"};
    return all;
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

struct LongText {
    const char* field;
    const std::string Proposal::*member;
};

const LongText long_texts[] = {
    {"description", &Proposal::description},
    {"agenda", &Proposal::agenda},
    {"expected_outcomes", &Proposal::expected_outcomes},
    {"online_participation", &Proposal::online_participation},
    {"background_paper", &Proposal::background_paper},
    {"previous_report", &Proposal::previous_report},
    {"relevance", &Proposal::relevance},
};

void check_person(const ProposalPerson& person, const std::string& where, const std::string& label,
                  FieldErrors& errors) {
    auto text = [&](const std::string& member, std::size_t max, const std::string& value) {
        auto what = say("proposal.person." + member);
        if (auto e = check_text(
                {where + "." + member,
                 say("proposal.person.field", {{"person", label}, {"what", what}}), false, max},
                value))
            errors.push_back(*e);
    };
    text("name", 200, person.name);
    text("email", 254, person.email);
    text("organisation", 200, person.organisation);
    text("affiliation", 300, person.affiliation);
    if (trim(person.name).empty())
        errors.push_back(
            {where + ".name", say("proposal.person.name_required", {{"person", label}})});
    if (!trim(person.email).empty() && !looks_like_email(trim(person.email)))
        errors.push_back({where + ".email", say("proposal.person.email_malformed",
                                                {{"person", label}, {"email", person.email}})});
    if (!person.country.empty() && !find_country(person.country))
        errors.push_back(
            {where + ".country", say("proposal.person.country_unknown",
                                     {{"person", label}, {"country", person.country}})});
    if (!person.stakeholder_group.empty() &&
        !is_choice(stakeholder_groups(), person.stakeholder_group))
        errors.push_back({where + ".stakeholder_group",
                          say("proposal.person.stakeholder_group_unknown", {{"person", label}})});
    if (!is_choice(genders(), person.gender))
        errors.push_back(
            {where + ".gender", say("proposal.person.gender_unknown", {{"person", label}})});
    if (!contains(confirmation_states(), person.confirmation))
        errors.push_back({where + ".confirmation",
                          say("proposal.person.confirmation_unknown", {{"person", label}})});
}

struct PeopleList {
    const char* field;
    const std::vector<ProposalPerson> Proposal::*member;
};

const PeopleList people_lists[] = {
    {"organisers", &Proposal::organisers},   {"speakers", &Proposal::speakers},
    {"moderators", &Proposal::moderators},   {"online_moderators", &Proposal::online_moderators},
    {"rapporteurs", &Proposal::rapporteurs},
};

void check_choices(const std::vector<std::string>& chosen, const std::vector<std::string>& offered,
                   bool write_in, const char* field, const std::string& label,
                   FieldErrors& errors) {
    if (chosen.size() > 20) {
        errors.push_back({field, say("proposal.choices.too_many", {{"label", label}})});
        return;
    }
    for (const auto& item : chosen) {
        if (auto e = check_text({field, label, false, 300}, item)) {
            errors.push_back(*e);
            return;
        }
        if (!write_in && !contains(offered, item)) {
            errors.push_back(
                {field, say("proposal.choices.not_offered", {{"label", label}, {"item", item}})});
            return;
        }
    }
}

}  // namespace

FieldErrors check_proposal_draft(const Proposal& p, const ProposalChecks& checks) {
    FieldErrors errors;
    const auto& call = checks.call;
    const auto& limits = call.limits;
    if (!offers_session_type(call, p.session_type))
        errors.push_back(
            {"session_type", say("proposal.session_type.not_offered", {{"type", p.session_type}})});
    if (auto e = check_text({"title", field_label("title"), false,
                             static_cast<std::size_t>(limits.title_characters)},
                            p.title))
        errors.push_back(*e);
    if (!p.theme.empty() && !contains(checks.themes, p.theme))
        errors.push_back({"theme", say("proposal.theme.unknown")});
    const SessionFormat* format = nullptr;
    if (!p.format.empty()) {
        format = find_format(call, p.format);
        if (!format) errors.push_back({"format", say("proposal.format.unknown")});
    }
    if (p.duration != 0) {
        if (format && std::find(format->durations.begin(), format->durations.end(), p.duration) ==
                          format->durations.end()) {
            std::string allowed;
            for (int d : format->durations)
                allowed += (allowed.empty() ? "" : say("list.or")) + std::to_string(d);
            errors.push_back(
                {"duration",
                 say("proposal.duration.format",
                     {{"format", format->name}, {"allowed", allowed}, {"duration", p.duration}})});
        } else if (p.duration < 0 || p.duration > 480) {
            errors.push_back({"duration", say("proposal.duration.out_of_range")});
        } else if (!format && p.session_type != "workshop") {
            auto allowed = allowed_durations(call, p.session_type, "");
            if (!allowed.empty() &&
                std::find(allowed.begin(), allowed.end(), p.duration) == allowed.end()) {
                std::string minutes;
                for (int d : allowed)
                    minutes += (minutes.empty() ? "" : say("list.or")) + std::to_string(d);
                errors.push_back(
                    {"duration", say("proposal.duration.session_type",
                                     {{"allowed", minutes}, {"duration", p.duration}})});
            }
        }
    }
    for (const auto& [field, member] : long_texts) {
        const auto& value = p.*member;
        auto label = field_label(field);
        if (auto e = check_text(
                {field, label, false, static_cast<std::size_t>(limits.text_characters), true},
                value)) {
            errors.push_back(*e);
            continue;
        }
        std::size_t max_words = std::string_view(field) == "description"
                                    ? static_cast<std::size_t>(limits.description_words)
                                    : static_cast<std::size_t>(limits.text_words);
        auto words = count_words(value);
        if (words > max_words)
            errors.push_back(
                {field, say("proposal.text.too_many_words",
                            {{"label", label}, {"words", words}, {"max", max_words}})});
    }
    check_choices(p.policy_questions, call.policy_questions, true, "policy_questions",
                  field_label("policy_questions"), errors);
    check_choices(p.tags, call.tags, true, "tags", field_label("tags"), errors);
    check_choices(p.sdgs, call.sdgs, false, "sdgs", field_label("sdgs"), errors);
    for (const auto& [field, member] : people_lists) {
        const auto& people = p.*member;
        if (people.size() > static_cast<std::size_t>(limits.max_people_per_role))
            errors.push_back(
                {field, say("proposal.people.too_many",
                            {{"role", say("proposal.role." + std::string(field) + ".many")},
                             {"max", limits.max_people_per_role}})});
        for (std::size_t i = 0; i < people.size(); ++i)
            check_person(people[i], std::string(field) + "[" + std::to_string(i) + "]",
                         say("proposal.person.label",
                             {{"role", say("proposal.role." + std::string(field) + ".one")},
                              {"number", i + 1}}),
                         errors);
    }
    return errors;
}

namespace {

// Far above any call's limits, low enough that a script cannot fill the database.
constexpr std::size_t storable_characters = 100000;
constexpr std::size_t storable_people = 40;  // the form shows at most 40 rows per role
constexpr std::size_t storable_choices = 100;

void check_storable(const std::string& field, const std::string& label, std::string_view value,
                    FieldErrors& errors) {
    if (!is_valid_utf8(value) || value.find('\0') != std::string_view::npos) {
        errors.push_back({field, say("proposal.storable.encoding", {{"label", label}})});
        return;
    }
    if (auto n = count_characters(value); n > storable_characters)
        errors.push_back(
            {field, say("proposal.storable.too_long",
                        {{"label", label}, {"length", n}, {"max", storable_characters}})});
}

}  // namespace

FieldErrors check_proposal_storable(const Proposal& p) {
    FieldErrors errors;
    check_storable("session_type", field_label("session_type"), p.session_type, errors);
    check_storable("title", field_label("title"), p.title, errors);
    check_storable("theme", field_label("theme"), p.theme, errors);
    check_storable("format", field_label("format"), p.format, errors);
    for (const auto& [field, member] : long_texts)
        check_storable(field, field_label(field), p.*member, errors);
    auto choices = [&](const char* field, const std::vector<std::string>& list) {
        if (list.size() > storable_choices)
            errors.push_back(
                {field, say("proposal.storable.too_many", {{"label", field_label(field)},
                                                           {"count", list.size()},
                                                           {"max", storable_choices}})});
        for (const auto& item : list) check_storable(field, field_label(field), item, errors);
    };
    choices("policy_questions", p.policy_questions);
    choices("tags", p.tags);
    choices("sdgs", p.sdgs);
    for (const auto& [field, member] : people_lists) {
        const auto& people = p.*member;
        if (people.size() > storable_people)
            errors.push_back(
                {field, say("proposal.storable.too_many", {{"label", field_label(field)},
                                                           {"count", people.size()},
                                                           {"max", storable_people}})});
        for (std::size_t i = 0; i < people.size(); ++i) {
            auto where = std::string(field) + "[" + std::to_string(i) + "]";
            const auto& person = people[i];
            for (const auto& [member_name, value] :
                 {std::pair<const char*, const std::string*>{"name", &person.name},
                  {"email", &person.email},
                  {"organisation", &person.organisation},
                  {"affiliation", &person.affiliation},
                  {"country", &person.country},
                  {"stakeholder_group", &person.stakeholder_group},
                  {"gender", &person.gender},
                  {"confirmation", &person.confirmation}})
                check_storable(where + "." + member_name, field_label(field), *value, errors);
        }
    }
    return errors;
}

FieldErrors check_proposal_submission(const Proposal& p, const ProposalChecks& checks) {
    auto errors = check_proposal_draft(p, checks);
    auto required = checks.required_fields.empty() ? standard_required_fields(p.session_type)
                                                   : checks.required_fields;
    auto has_error = [&](const std::string& field) {
        return std::any_of(errors.begin(), errors.end(),
                           [&](const FieldError& e) { return e.field == field; });
    };
    auto empty = [&](const std::string& field) {
        for (const auto& [name, member] : long_texts)
            if (field == name) return trim(p.*member).empty();
        for (const auto& [name, member] : people_lists)
            if (field == name) return (p.*member).empty();
        if (field == "title") return trim(p.title).empty();
        if (field == "theme") return p.theme.empty();
        if (field == "format") return p.format.empty();
        if (field == "duration") return p.duration == 0;
        if (field == "policy_questions") return p.policy_questions.empty();
        if (field == "tags") return p.tags.empty();
        if (field == "sdgs") return p.sdgs.empty();
        return false;
    };
    for (const auto& field : required)
        if (empty(field) && !has_error(field))
            errors.push_back(
                {field, say("proposal.required_to_submit", {{"label", field_label(field)}})});
    return errors;
}

namespace {

std::string written(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) {
            if (!out.empty()) out += "\n";
            if (item.is_object()) {
                std::string line;
                for (const char* member : {"name", "email", "organisation", "country",
                                           "stakeholder_group", "gender", "confirmation"}) {
                    auto text = written(item.value(member, nlohmann::json()));
                    // Codes are shown by their words: "Provisionally confirmed".
                    std::string_view m = member;
                    if (!text.empty() &&
                        (m == "stakeholder_group" || m == "gender" || m == "confirmation"))
                        text = code_label(std::string(m) + ".", text);
                    if (!text.empty()) line += (line.empty() ? "" : ", ") + text;
                }
                if (item.contains("onsite") && item["onsite"].is_boolean())
                    line += ", " + say(item["onsite"].get<bool>() ? "proposal.person.onsite"
                                                                  : "proposal.person.online");
                out += line;
            } else {
                out += written(item);
            }
        }
        return out;
    }
    return v.dump();
}

}  // namespace

std::vector<FieldChange> compare_proposals(const Proposal& before_proposal,
                                           const Proposal& after_proposal) {
    // Field by field through the proposal's written form, which names every field.
    const auto before = to_json(before_proposal), after = to_json(after_proposal);
    std::vector<FieldChange> out;
    for (auto name : proposal_fields) {
        std::string field(name);
        auto a = written(before.value(field, nlohmann::json()));
        auto b = written(after.value(field, nlohmann::json()));
        if (field == "format" || field == "session_type") {
            if (!a.empty()) a = code_label(field + ".", a);
            if (!b.empty()) b = code_label(field + ".", b);
        }
        if (a != b) out.push_back({field, field_label(field), a, b});
    }
    return out;
}

}  // namespace convene
