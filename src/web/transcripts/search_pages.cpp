// The archive's search page and its API. The page is a GET form (the words, and filters
// that fold away until one is used); the results are the turns found, most relevant
// first, each with its words marked and a link to the turn; a refused parameter is shown
// on the form with a 400, never a server error.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/transcripts/search.hpp"

namespace convene::web {

namespace {

const std::string search_path = "/transcripts/search";

// The request's parameters again, with another page.
std::string search_url(const SearchRequest& r, std::size_t page) {
    std::string query;
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty())
            query +=
                std::string(query.empty() ? "?" : "&") + name + "=" + http::percent_encode(value);
    };
    add("q", r.q);
    add("edition", r.edition);
    add("session_type", r.session_type);
    add("room", r.room);
    add("speaker", r.speaker);
    add("person", r.person);
    add("stakeholder_group", r.stakeholder_group);
    add("from", r.from);
    add("to", r.to);
    if (r.per_page != search_per_page) add("per_page", std::to_string(r.per_page));
    if (page > 1) add("page", std::to_string(page));
    return search_path + query;
}

// A select's options: "any" first, then the choices, the one asked for selected (kept
// even when not among the choices, so the form shows what was asked).
nlohmann::json select_options(const std::string& any,
                              std::vector<std::pair<std::string, std::string>> choices,
                              const std::string& current) {
    bool present = current.empty();
    for (const auto& c : choices) present = present || c.first == current;
    if (!present) choices.emplace_back(current, current);
    choices.insert(choices.begin(), {"", any});
    return options_view(choices, current);
}

std::string error_of(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return e.message;
    return "";
}

}  // namespace

http::Response transcript_search_page(Exchange& ex) {
    auto r = read_search_request(ex.request);
    auto choices = store::transcript_search_choices(ex.db());
    std::vector<std::pair<std::string, std::string>> editions, types, rooms, groups;
    nlohmann::json edition_crumb = nullptr;
    for (const auto& [id, name] : choices.editions) {
        editions.emplace_back(to_string(id), name);
        if (r.search.edition == id)
            edition_crumb = {{"name", name}, {"url", "/editions/" + to_string(id)}};
    }
    for (const auto& t : standard_session_types()) types.emplace_back(t.code, t.name);
    for (const auto& room : choices.rooms) rooms.emplace_back(room, room);
    for (const auto& g : stakeholder_groups())
        groups.emplace_back(std::string(g.code), std::string(g.label));
    // The filters fold away until one is in use or refused (a phone shows the results sooner).
    bool filter_refused = false;
    for (const auto& e : r.errors) filter_refused = filter_refused || e.field != "q";
    auto with_error = [&](const char* name, nlohmann::json field) {
        field["error"] = error_of(r.errors, name);
        return field;
    };
    nlohmann::json view = {
        {"title",
         say(r.asked ? "page.transcripts.search.title_for" : "page.transcripts.search.title",
             {{"query", shortened(r.q, 80)}})},
        {"action", search_path},
        {"q_field", with_error("q", {{"value", r.q}})},
        {"edition_field",
         with_error("edition", {{"options", select_options(say("transcripts.search.any_edition"),
                                                           editions, r.edition)}})},
        {"session_type_field",
         with_error("session_type",
                    {{"options", select_options(say("transcripts.search.any_session_type"), types,
                                                r.session_type)}})},
        {"room_field",
         with_error("room", {{"options",
                              select_options(say("transcripts.search.any_room"), rooms, r.room)}})},
        {"speaker_field", with_error("speaker", {{"value", r.speaker}})},
        {"stakeholder_group_field",
         with_error("stakeholder_group",
                    {{"options", select_options(say("transcripts.search.any_stakeholder_group"),
                                                groups, r.stakeholder_group)}})},
        {"from_field", with_error("from", {{"value", r.from}})},
        {"to_field", with_error("to", {{"value", r.to}})},
        {"errors", error_summary(r.errors)},
        {"has_errors", !r.errors.empty()},
        {"person", r.person},
        {"per_page", r.per_page != search_per_page ? std::to_string(r.per_page) : ""},
        {"filtered", r.filtered},
        {"open_filters", r.filtered || filter_refused},
        {"clear_url", r.asked ? search_path + "?q=" + http::percent_encode(r.q) : search_path},
        {"edition_crumb", edition_crumb},
        {"searched", false}};
    if (!r.errors.empty()) return ex.page("transcripts/search", view, 400);
    if (!r.asked) return ex.page("transcripts/search", view);
    auto found = store::search_transcript_turns(ex.db(), r.search);
    nlohmann::json results = nlohmann::json::array();
    for (const auto& f : found.turns) {
        auto j = found_turn_json(f, r.search.query);
        j["heading"] = f.title.empty()
                           ? say("transcripts.untitled", {{"id", to_string(f.transcript)}})
                           : f.title;
        results.push_back(std::move(j));
    }
    auto first = r.search.offset + 1;
    view["searched"] = true;
    view["searched_for"] = transcripts::query_text(r.search.query);
    view["results"] = results;
    view["has_results"] = !results.empty();
    view["first"] = first;
    view["last"] = r.search.offset + results.size();
    view["more"] = found.more;
    view["page"] = r.page;
    view["has_previous"] = r.page > 1;
    view["previous_url"] = search_url(r, r.page - 1);
    view["has_next"] = found.more && r.page < max_search_page;
    view["next_url"] = search_url(r, r.page + 1);
    view["paged"] = r.page > 1 || found.more;
    return ex.page("transcripts/search", view);
}

http::Response api_transcript_search(Exchange& ex) {
    auto r = read_search_request(ex.request);
    if (r.errors.empty() && !r.asked) r.errors.push_back({"q", say("transcripts.search.required")});
    if (!r.errors.empty()) throw http::bad_request(say("transcripts.search.refused"), r.errors);
    auto found = store::search_transcript_turns(ex.db(), r.search);
    nlohmann::json results = nlohmann::json::array();
    for (const auto& f : found.turns) results.push_back(found_turn_json(f, r.search.query));
    return http::Response::json(
        {{"query", transcripts::query_text(r.search.query)},
         {"page", r.page},
         {"per_page", r.per_page},
         {"more", found.more},
         {"next", found.more && r.page < max_search_page
                      ? nlohmann::json("/api/v1" + search_url(r, r.page + 1))
                      : nlohmann::json(nullptr)},
         {"results", results}});
}

}  // namespace convene::web
