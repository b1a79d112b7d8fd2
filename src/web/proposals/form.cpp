#include "web/proposals/form.hpp"

#include <algorithm>
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "core/proposals/proposal_form.hpp"
#include "core/screening/screening.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

const std::vector<PeopleSection>& people_sections() {
    static const std::vector<PeopleSection> all = {
        {"organisers", 2},        {"speakers", 4},    {"moderators", 1},
        {"online_moderators", 1}, {"rapporteurs", 1},
    };
    return all;
}

std::string PeopleSection::label() const {
    return say("proposals.role." + std::string(field));
}
std::string PeopleSection::legend() const {
    return say("proposals.role." + std::string(field) + ".legend");
}

namespace {

std::vector<ProposalPerson> Proposal::*people_member(const std::string& field) {
    if (field == "organisers") return &Proposal::organisers;
    if (field == "speakers") return &Proposal::speakers;
    if (field == "moderators") return &Proposal::moderators;
    if (field == "online_moderators") return &Proposal::online_moderators;
    return &Proposal::rapporteurs;
}

// A country typed as its code ("KE") or its name ("kenya"); as typed when unknown,
// so the check names it.
std::string country_code(const std::string& typed) {
    auto t = trim(typed);
    if (t.empty()) return {};
    if (auto c = find_country(t)) return c->code;
    auto key = comparison_key(t);
    for (const auto& c : countries())
        if (comparison_key(c.name) == key) return c.code;
    return t;
}

std::string country_shown(const std::string& code) {
    if (auto c = find_country(code)) return c->name;
    return code;
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const auto& item : more)
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

Proposal proposal_from_form(const http::Form& f) {
    Proposal p;
    p.id = "new";
    p.session_type = f.get("session_type").empty() ? "workshop" : f.get("session_type");
    p.title = f.get("title");
    p.theme = f.get("theme");
    p.format = f.get("format");
    const auto& duration = f.get("duration");
    if (!duration.empty() && duration.size() < 5 &&
        duration.find_first_not_of("0123456789") == std::string::npos)
        p.duration = std::stoi(duration);
    p.description = f.get("description");
    p.agenda = f.get("agenda");
    p.expected_outcomes = f.get("expected_outcomes");
    p.online_participation = f.get("online_participation");
    p.background_paper = f.get("background_paper");
    p.previous_report = f.get("previous_report");
    p.relevance = f.get("relevance");
    p.policy_questions = f.all("policy_questions");
    add_unique(p.policy_questions, split_items(f.get("policy_questions_other"), ""));
    p.tags = f.all("tags");
    add_unique(p.tags, split_items(f.get("tags_other"), ","));
    p.sdgs = f.all("sdgs");
    for (const auto& section : people_sections()) {
        auto& list = p.*people_member(section.field);
        int rows = 0;
        const auto& posted = f.get(std::string(section.field) + "-rows");
        if (!posted.empty() && posted.size() < 3 &&
            posted.find_first_not_of("0123456789") == std::string::npos)
            rows = std::stoi(posted);
        for (int i = 0; i < rows; ++i) {
            auto prefix = std::string(section.field) + "-" + std::to_string(i) + "-";
            ProposalPerson person;
            person.name = f.get(prefix + "name");
            person.email = trim(f.get(prefix + "email"));
            person.organisation = f.get(prefix + "organisation");
            person.country = country_code(f.get(prefix + "country"));
            person.stakeholder_group = f.get(prefix + "stakeholder_group");
            person.gender = f.get(prefix + "gender");
            if (!f.get(prefix + "confirmation").empty())
                person.confirmation = f.get(prefix + "confirmation");
            const auto& onsite = f.get(prefix + "onsite");
            if (onsite == "onsite") person.onsite = true;
            if (onsite == "online") person.onsite = false;
            // A row left blank is no person.
            if (trim(person.name).empty() && person.email.empty() &&
                trim(person.organisation).empty() && person.country.empty())
                continue;
            list.push_back(std::move(person));
        }
    }
    return p;
}

std::map<std::string, int> form_rows(const http::Form* form, const Proposal& p) {
    std::map<std::string, int> rows;
    for (const auto& section : people_sections()) {
        int n = section.rows;
        if (form) {
            const auto& posted = form->get(std::string(section.field) + "-rows");
            if (!posted.empty() && posted.size() < 3 &&
                posted.find_first_not_of("0123456789") == std::string::npos)
                n = std::max(1, std::stoi(posted));
            if (form->get("action") == std::string("add-") + section.field) ++n;
        }
        int filled = static_cast<int>((p.*people_member(section.field)).size());
        rows[section.field] = std::min(40, std::max(n, filled));
    }
    return rows;
}

std::string form_field(const std::string& member) {
    std::string out;
    for (char c : member) {
        if (c == '[' || c == '.')
            out += '-';
        else if (c != ']')
            out += c;
    }
    return out;
}

FieldErrors as_form_errors(const FieldErrors& errors) {
    FieldErrors out;
    for (const auto& e : errors) out.push_back({form_field(e.field), e.message});
    return out;
}

namespace {

nlohmann::json choice_options(const std::vector<Choice>& choices, const std::string& current,
                              const std::string& blank) {
    std::vector<std::pair<std::string, std::string>> list;
    if (!blank.empty()) list.emplace_back("", blank);
    for (const auto& c : choices)
        if (!c.code.empty()) list.emplace_back(std::string(c.code), std::string(c.label));
    return options_view(list, current);
}

nlohmann::json select(const std::string& name, const std::string& label, const std::string& value,
                      const FieldErrors& errors, nlohmann::json options, bool required = false,
                      const std::string& hint = "") {
    auto f = field_view(name, label, value, errors, "select", required, hint);
    f["options"] = std::move(options);
    return f;
}

nlohmann::json checkboxes(const std::string& name, const std::string& legend,
                          const std::vector<std::string>& offered,
                          const std::vector<std::string>& chosen, const FieldErrors& errors) {
    nlohmann::json boxes = nlohmann::json::array();
    for (std::size_t i = 0; i < offered.size(); ++i)
        boxes.push_back(
            {{"id", "field-" + name + "-" + std::to_string(i)},
             {"name", name},
             {"value", offered[i]},
             {"checked", std::find(chosen.begin(), chosen.end(), offered[i]) != chosen.end()}});
    nlohmann::json group = {{"id", "field-" + name},
                            {"legend", legend},
                            {"boxes", boxes},
                            {"has_boxes", !boxes.empty()}};
    for (const auto& e : errors)
        if (e.field == name) {
            group["error"] = e.message;
            break;
        }
    return group;
}

std::string written_in(const std::vector<std::string>& chosen,
                       const std::vector<std::string>& offered, const char* separator) {
    std::string out;
    for (const auto& item : chosen)
        if (std::find(offered.begin(), offered.end(), item) == offered.end())
            out += (out.empty() ? "" : separator) + item;
    return out;
}

nlohmann::json person_row(const PeopleSection& section, int i, const ProposalPerson& person,
                          const FieldErrors& errors) {
    auto prefix = std::string(section.field) + "-" + std::to_string(i) + "-";
    auto person_label =
        say("proposals.person.legend", {{"role", section.label()}, {"number", i + 1}});
    auto label = [&](const std::string& what) {
        return say("proposals.person.field_label",
                   {{"person", person_label}, {"what", say("proposals.person." + what)}});
    };
    bool organiser = std::string_view(section.field) == "organisers";
    nlohmann::json fields = nlohmann::json::array();
    fields.push_back(field_view(prefix + "name", label("name"), person.name, errors));
    fields.push_back(field_view(prefix + "email", label("email"), person.email, errors, "email",
                                false,
                                organiser ? "" : say("proposals.we_send_a_link_to_confirm")));
    fields.push_back(
        field_view(prefix + "organisation", label("organisation"), person.organisation, errors));
    auto country = field_view(prefix + "country", label("country"), country_shown(person.country),
                              errors, "text", false, say("proposals.name_or_two_letter_code_e"));
    country["list"] = "country-names";
    fields.push_back(country);
    fields.push_back(select(prefix + "stakeholder_group", label("stakeholder_group"),
                            person.stakeholder_group, errors,
                            choice_options(stakeholder_groups(), person.stakeholder_group,
                                           say("proposals.choose_a_stakeholder_group"))));
    fields.push_back(
        select(prefix + "gender", label("gender"), person.gender, errors,
               choice_options(genders(), person.gender, say("proposals.prefer_not_to_say"))));
    if (!organiser) {
        std::vector<std::pair<std::string, std::string>> states;
        for (const auto& s : confirmation_states())
            states.emplace_back(s, code_label("confirmation.", s));
        fields.push_back(select(prefix + "confirmation", label("confirmation"), person.confirmation,
                                errors, options_view(states, person.confirmation)));
        std::string onsite = person.onsite ? (*person.onsite ? "onsite" : "online") : "";
        fields.push_back(select(prefix + "onsite", label("taking_part"), onsite, errors,
                                options_view({{"", say("proposals.not_known_yet")},
                                              {"onsite", say("proposals.onsite")},
                                              {"online", say("proposals.online")}},
                                             onsite)));
    }
    return {{"legend", person_label}, {"fields", fields}};
}

}  // namespace

nlohmann::json proposal_form_view(const Proposal& p, const FormContext& context,
                                  const FieldErrors& errors,
                                  const std::map<std::string, int>& rows) {
    const auto& call = context.call;
    std::vector<std::pair<std::string, std::string>> types;
    for (const auto& t : standard_session_types())
        if (offers_session_type(call, t.code)) types.emplace_back(t.code, t.name);
    std::vector<std::pair<std::string, std::string>> themes = {
        {"", say("proposals.choose_a_theme")}};
    for (const auto& t : context.themes) themes.emplace_back(t, t);
    std::vector<std::pair<std::string, std::string>> formats = {
        {"", say("proposals.choose_a_format")}};
    std::set<int> all_durations;
    std::string duration_hint;
    for (const auto& f : call.formats) {
        formats.emplace_back(f.code, f.name);
        std::string minutes;
        for (int d : f.durations) {
            all_durations.insert(d);
            minutes += (minutes.empty() ? "" : " or ") + std::to_string(d);
        }
        duration_hint += (duration_hint.empty() ? "" : "; ") + f.name + ": " + minutes;
    }
    const bool workshop = p.session_type == "workshop";
    if (!workshop) {
        all_durations.clear();
        duration_hint.clear();
        for (int d : allowed_durations(call, p.session_type, "")) {
            all_durations.insert(d);
            duration_hint += (duration_hint.empty() ? "" : " or ") + std::to_string(d);
        }
        duration_hint += " minutes";
    }
    std::vector<std::pair<std::string, std::string>> durations = {
        {"", say("proposals.choose_a_duration")}};
    for (int d : all_durations)
        durations.emplace_back(std::to_string(d), say("proposals.form.minutes", {{"minutes", d}}));
    auto words = [&](int n) { return say("proposals.form.words_limit", {{"max", n}}); };
    const auto& limits = call.limits;
    nlohmann::json view;
    view["type_field"] = select("session_type", say("proposals.session_type"), p.session_type,
                                errors, options_view(types, p.session_type), true,
                                say("proposals.the_form_shows_the_fields_this"));
    view["about_fields"] = {
        field_view("title", say("proposals.title"), p.title, errors, "text", true,
                   say("proposals.form.characters_limit", {{"max", limits.title_characters}})),
        select("theme", say("proposals.theme"), p.theme, errors, options_view(themes, p.theme),
               true),
        select("format", say("proposals.format"), p.format, errors,
               options_view(formats, p.format)),
        select("duration", say("proposals.duration"), p.duration ? std::to_string(p.duration) : "",
               errors, options_view(durations, p.duration ? std::to_string(p.duration) : ""), false,
               duration_hint),
        field_view("description", say("proposals.description"), p.description, errors, "textarea",
                   true, words(limits.description_words))};
    if (!workshop) view["about_fields"].erase(2);  // no format outside workshops
    view["policy_questions"] = checkboxes("policy_questions", say("proposals.policy_questions"),
                                          call.policy_questions, p.policy_questions, errors);
    view["policy_questions_other"] =
        field_view("policy_questions_other", say("proposals.other_policy_questions"),
                   written_in(p.policy_questions, call.policy_questions, "\n"), errors, "textarea",
                   false, say("proposals.one_question_per_line"));
    view["tags"] = checkboxes("tags", say("proposals.tags"), call.tags, p.tags, errors);
    view["tags_other"] =
        field_view("tags_other", say("proposals.other_tags"), written_in(p.tags, call.tags, ", "),
                   errors, "text", false, say("proposals.separate_tags_with_commas"));
    view["sdgs"] = checkboxes("sdgs", say("proposals.sustainable_development_goals"), call.sdgs,
                              p.sdgs, errors);
    view["plan_fields"] = {
        field_view("agenda", say("proposals.agenda"), p.agenda, errors, "textarea", false,
                   words(limits.text_words)),
        field_view("expected_outcomes", say("proposals.expected_outcomes"), p.expected_outcomes,
                   errors, "textarea", false, words(limits.text_words)),
        field_view("online_participation",
                   say("proposals.plan_for_online_participation_and_interaction"),
                   p.online_participation, errors, "textarea", false, words(limits.text_words)),
        field_view("relevance", say("proposals.relevance_to_the_theme"), p.relevance, errors,
                   "textarea", false, words(limits.text_words)),
        field_view("background_paper", say("proposals.background_paper_link_or_text"),
                   p.background_paper, errors, "textarea", false, words(limits.text_words)),
        field_view("previous_report", say("proposals.link_to_the_report_of_your"),
                   p.previous_report, errors, "text", false,
                   say("proposals.if_you_organised_a_session_at"))};
    if (!workshop) {
        for (const char* hidden :
             {"policy_questions", "policy_questions_other", "tags", "tags_other", "sdgs"})
            view.erase(hidden);
        view["plan_fields"].erase(4);  // background paper
    }
    view["people_sections"] = nlohmann::json::array();
    for (const auto& section : people_sections()) {
        if (!form_shows(p.session_type, section.field)) continue;
        const auto& list = p.*people_member(section.field);
        int n = rows.count(section.field) ? rows.at(section.field) : section.rows;
        nlohmann::json people = nlohmann::json::array();
        for (int i = 0; i < n; ++i)
            people.push_back(
                person_row(section, i,
                           i < static_cast<int>(list.size()) ? list[i] : ProposalPerson{}, errors));
        nlohmann::json s = {
            {"code", section.field},  // not "field": the partial of that name would be shadowed
            {"legend", section.legend()},
            {"id", std::string("people-") + section.field},
            {"rows", n},
            {"people", people},
            {"add_label",
             say("proposals.people.add_row", {{"role", ascii_lower(section.label())}})}};
        for (const auto& e : errors)
            if (e.field == section.field) s["error"] = e.message;
        view["people_sections"].push_back(s);
    }
    view["countries"] = nlohmann::json::array();
    for (const auto& c : countries()) view["countries"].push_back(c.name);
    return view;
}

nlohmann::json proposal_read_view(const Proposal& p) {
    auto type_name = p.session_type;
    for (const auto& t : standard_session_types())
        if (t.code == p.session_type) type_name = t.name;
    nlohmann::json view = {
        {"session_type", type_name},
        {"title", p.title},
        {"theme", p.theme},
        {"format", format_label(Call{}, p.format)},
        {"duration", p.duration ? say("proposals.form.minutes", {{"minutes", p.duration}}) : ""},
        {"policy_questions", p.policy_questions},
        {"tags", p.tags},
        {"sdgs", p.sdgs}};
    nlohmann::json texts = nlohmann::json::array();
    for (const char* field : {"description", "agenda", "expected_outcomes", "online_participation",
                              "relevance", "background_paper"}) {
        const std::string& value =
            field == std::string_view("description")            ? p.description
            : field == std::string_view("agenda")               ? p.agenda
            : field == std::string_view("expected_outcomes")    ? p.expected_outcomes
            : field == std::string_view("online_participation") ? p.online_participation
            : field == std::string_view("relevance")            ? p.relevance
                                                                : p.background_paper;
        if (!trim(value).empty())
            texts.push_back({{"label", field_label(field)}, {"html", markdown_html(value)}});
    }
    view["texts"] = texts;
    view["has_policy_questions"] = !p.policy_questions.empty();
    view["has_tags"] = !p.tags.empty();
    view["has_sdgs"] = !p.sdgs.empty();
    view["previous_report"] = p.previous_report;
    view["people"] = nlohmann::json::array();
    for (const auto& section : people_sections()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& person : p.*people_member(section.field)) {
            auto status = person.confirmation.empty()
                              ? std::string()
                              : code_label("confirmation.", person.confirmation);
            list.push_back(
                {{"name", person.name},
                 {"organisation", person.organisation},
                 {"country", country_shown(person.country)},
                 {"stakeholder_group",
                  std::string(choice_label(stakeholder_groups(), person.stakeholder_group))},
                 {"confirmation", std::string_view(section.field) == "organisers" ? "" : status},
                 {"answer", std::string_view(section.field) == "organisers" ? "" : person.answer},
                 {"answer_confirmed", person.answer == "confirmed"},
                 {"answer_declined", person.answer == "declined"},
                 {"onsite", person.onsite ? (*person.onsite ? "onsite" : "online") : ""}});
        }
        if (!list.empty()) view["people"].push_back({{"legend", section.legend()}, {"list", list}});
    }
    return view;
}

}  // namespace convene::web
