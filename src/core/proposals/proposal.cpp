#include "core/proposals/proposal.hpp"

#include <stdexcept>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

namespace {

std::string text_member(const nlohmann::json& j, const char* name, const std::string& where) {
    if (!j.contains(name) || j[name].is_null()) return {};
    if (j[name].is_string()) return j[name].get<std::string>();
    if (j[name].is_number()) return j[name].dump();
    throw InputError(where + name, say("json.member_not_text", {{"name", where + name}}));
}

std::vector<std::string> list_member(const nlohmann::json& j, const char* name,
                                     const std::string& where) {
    std::vector<std::string> out;
    if (!j.contains(name) || j[name].is_null()) return out;
    if (!j[name].is_array())
        throw InputError(where + name,
                         say("json.member_not_list_of_texts", {{"name", where + name}}));
    for (const auto& v : j[name]) {
        if (!v.is_string())
            throw InputError(where + name,
                             say("json.member_not_list_of_texts", {{"name", where + name}}));
        out.push_back(v.get<std::string>());
    }
    return out;
}

ProposalPerson person_from_json(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) throw InputError(where, say("json.member_not_object", {{"name", where}}));
    const std::string w = where + ".";
    ProposalPerson p;
    p.name = text_member(j, "name", w);
    p.email = text_member(j, "email", w);
    p.organisation = text_member(j, "organisation", w);
    p.affiliation = text_member(j, "affiliation", w);
    p.country = text_member(j, "country", w);
    p.stakeholder_group = text_member(j, "stakeholder_group", w);
    p.regional_group = text_member(j, "regional_group", w);
    p.gender = text_member(j, "gender", w);
    auto confirmation = text_member(j, "confirmation", w);
    if (!confirmation.empty()) p.confirmation = confirmation;
    p.answer = text_member(j, "answer", w);
    if (!p.answer.empty() && p.answer != "confirmed" && p.answer != "declined")
        throw InputError(w + "answer", say("proposal.answer.unknown", {{"name", w + "answer"}}));
    if (j.contains("onsite") && !j["onsite"].is_null()) {
        if (!j["onsite"].is_boolean())
            throw InputError(w + "onsite",
                             say("screening.setting.not_bool", {{"name", w + "onsite"}}));
        p.onsite = j["onsite"].get<bool>();
    }
    return p;
}

std::vector<ProposalPerson> people_member(const nlohmann::json& j, const char* name) {
    std::vector<ProposalPerson> out;
    if (!j.contains(name) || j[name].is_null()) return out;
    if (!j[name].is_array()) throw InputError(name, say("json.member_not_list", {{"name", name}}));
    for (std::size_t i = 0; i < j[name].size(); ++i)
        out.push_back(
            person_from_json(j[name][i], std::string(name) + "[" + std::to_string(i) + "]"));
    return out;
}

}  // namespace

Proposal proposal_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("", say("proposal.not_object"));
    Proposal p;
    p.id = text_member(j, "id", "");
    if (p.id.empty()) throw InputError("id", say("json.member_missing", {{"name", "id"}}));
    auto type = text_member(j, "session_type", "");
    if (!type.empty()) p.session_type = type;
    p.title = text_member(j, "title", "");
    p.theme = text_member(j, "theme", "");
    p.format = text_member(j, "format", "");
    p.description = text_member(j, "description", "");
    if (j.contains("duration") && !j["duration"].is_null()) {
        if (!j["duration"].is_number_integer())
            throw InputError("duration", say("proposal.duration.not_minutes"));
        p.duration = j["duration"].get<int>();
    }
    p.policy_questions = list_member(j, "policy_questions", "");
    p.tags = list_member(j, "tags", "");
    p.sdgs = list_member(j, "sdgs", "");
    p.agenda = text_member(j, "agenda", "");
    p.expected_outcomes = text_member(j, "expected_outcomes", "");
    p.online_participation = text_member(j, "online_participation", "");
    p.background_paper = text_member(j, "background_paper", "");
    p.previous_report = text_member(j, "previous_report", "");
    p.relevance = text_member(j, "relevance", "");
    p.submitted_at = text_member(j, "submitted_at", "");
    if (j.contains("proposer") && !j["proposer"].is_null())
        p.proposer = person_from_json(j["proposer"], "proposer");
    p.organisers = people_member(j, "organisers");
    p.speakers = people_member(j, "speakers");
    p.moderators = people_member(j, "moderators");
    p.online_moderators = people_member(j, "online_moderators");
    p.rapporteurs = people_member(j, "rapporteurs");
    return p;
}

nlohmann::json to_json(const ProposalPerson& p) {
    nlohmann::json j = {{"name", p.name},
                        {"email", p.email},
                        {"organisation", p.organisation},
                        {"affiliation", p.affiliation},
                        {"country", p.country},
                        {"stakeholder_group", p.stakeholder_group},
                        {"regional_group", p.regional_group},
                        {"gender", p.gender},
                        {"confirmation", p.confirmation},
                        {"answer", p.answer.empty() ? nlohmann::json() : nlohmann::json(p.answer)},
                        {"onsite", nullptr}};
    if (p.onsite) j["onsite"] = *p.onsite;
    return j;
}

nlohmann::json to_json(const Proposal& p) {
    auto people = [](const std::vector<ProposalPerson>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& person : list) out.push_back(to_json(person));
        return out;
    };
    return {{"id", p.id},
            {"session_type", p.session_type},
            {"title", p.title},
            {"theme", p.theme},
            {"format", p.format},
            {"duration", p.duration},
            {"description", p.description},
            {"policy_questions", p.policy_questions},
            {"tags", p.tags},
            {"sdgs", p.sdgs},
            {"agenda", p.agenda},
            {"expected_outcomes", p.expected_outcomes},
            {"online_participation", p.online_participation},
            {"background_paper", p.background_paper},
            {"previous_report", p.previous_report},
            {"relevance", p.relevance},
            {"submitted_at", p.submitted_at},
            {"proposer", to_json(p.proposer)},
            {"organisers", people(p.organisers)},
            {"speakers", people(p.speakers)},
            {"moderators", people(p.moderators)},
            {"online_moderators", people(p.online_moderators)},
            {"rapporteurs", people(p.rapporteurs)}};
}

std::string name_key(std::string_view name) {
    auto folded_name = comparison_key(name);
    for (std::string_view title :
         {"mr. ", "ms. ", "mrs. ", "dr. ", "prof. ", "mr ", "ms ", "mrs ", "dr ", "prof "})
        if (folded_name.rfind(title, 0) == 0) folded_name = folded_name.substr(title.size());
    return "name:" + folded_name;
}

std::string person_key(const ProposalPerson& p) {
    if (!trim(p.email).empty()) return "email:" + ascii_lower(trim(p.email));
    return name_key(p.name);
}

std::string institution_key(std::string_view organisation) {
    return comparison_key(organisation);
}

}  // namespace convene
