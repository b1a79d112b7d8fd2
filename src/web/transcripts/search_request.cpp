// One reading of the search's parameters for the page and the API, and one shape of a
// found turn.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "core/people/people.hpp"
#include "core/transcripts/search_highlight.hpp"
#include "web/transcripts/search.hpp"
#include "web/transcripts/transcript_actions.hpp"

namespace convene::web {

namespace {

// A parameter as typed: what is not text (bad UTF-8, control characters) or longer than
// `max_bytes` is an error naming it, and read as "".
std::string typed(const http::Request& r, const std::string& name, std::size_t max_bytes,
                  FieldErrors& errors, const std::string& message_key) {
    auto v = r.query_param(name);
    if (!is_valid_utf8(v) || has_control_characters(v) || v.size() > max_bytes) {
        errors.push_back({name, say(message_key)});
        return "";
    }
    return trim(v);
}

std::optional<std::int64_t> whole_number(const std::string& v, std::int64_t max) {
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    auto n = std::stoll(v);
    if (n < 1 || n > max) return std::nullopt;
    return n;
}

}  // namespace

SearchRequest read_search_request(const http::Request& request) {
    SearchRequest r;
    auto& errors = r.errors;
    auto& s = r.search;
    r.q = request.query_param("q");
    auto reading = transcripts::read_search_query(r.q);
    if (!reading.refusal.empty()) {
        errors.push_back(
            {"q", say(reading.refusal, {{"bytes", transcripts::max_query_bytes},
                                        {"terms", transcripts::max_query_terms},
                                        {"phrase_words", transcripts::max_phrase_words},
                                        {"words", transcripts::max_query_words}})});
        if (!is_valid_utf8(r.q) || has_control_characters(r.q)) r.q.clear();
    }
    r.q = shortened(trim(r.q), transcripts::max_query_bytes * 2);
    s.query = std::move(reading.query);
    r.asked = !trim(r.q).empty();

    r.edition = typed(request, "edition", 20, errors, "transcripts.search.bad_edition");
    if (!r.edition.empty()) {
        if (auto n = whole_number(r.edition, 999'999'999'999))
            s.edition = EditionId{*n};
        else
            errors.push_back({"edition", say("transcripts.search.bad_edition")});
    }
    r.session_type =
        typed(request, "session_type", 40, errors, "transcripts.search.bad_session_type");
    if (!r.session_type.empty()) {
        bool known = false;
        for (const auto& t : standard_session_types()) known = known || t.code == r.session_type;
        if (known)
            s.session_type = r.session_type;
        else
            errors.push_back({"session_type", say("transcripts.search.bad_session_type")});
    }
    r.room = typed(request, "room", 200, errors, "transcripts.search.bad_room");
    s.room = r.room;
    r.speaker = typed(request, "speaker", 200, errors, "transcripts.search.bad_speaker");
    s.speaker = r.speaker;
    r.person = typed(request, "person", 20, errors, "transcripts.search.bad_person");
    if (!r.person.empty()) {
        if (auto n = whole_number(r.person, 999'999'999'999))
            s.person = PersonId{*n};
        else
            errors.push_back({"person", say("transcripts.search.bad_person")});
    }
    r.stakeholder_group =
        typed(request, "stakeholder_group", 40, errors, "transcripts.search.bad_stakeholder_group");
    if (!r.stakeholder_group.empty()) {
        if (is_choice(stakeholder_groups(), r.stakeholder_group))
            s.stakeholder_group = r.stakeholder_group;
        else
            errors.push_back(
                {"stakeholder_group", say("transcripts.search.bad_stakeholder_group")});
    }
    for (auto [name, value, stored] :
         {std::tuple{"from", &r.from, &s.from}, std::tuple{"to", &r.to, &s.to}}) {
        *value = typed(request, name, 20, errors, "transcripts.search.bad_date");
        if (value->empty()) continue;
        if (is_iso_date(*value))
            *stored = *value;
        else
            errors.push_back({name, say("transcripts.search.bad_date")});
    }
    if (!s.from.empty() && !s.to.empty() && s.to < s.from)
        errors.push_back({"to", say("transcripts.search.dates_reversed", {{"from", s.from}})});
    for (auto [name, value, max, refusal] :
         {std::tuple{"page", &r.page, max_search_page, "transcripts.search.bad_page"},
          std::tuple{"per_page", &r.per_page, max_search_per_page,
                     "transcripts.search.bad_per_page"}}) {
        auto v = request.query_param(name);
        if (v.empty()) continue;
        if (auto n = whole_number(v, static_cast<std::int64_t>(max)))
            *value = static_cast<std::size_t>(*n);
        else
            errors.push_back({name, say(refusal, {{"max", max}})});
    }
    s.limit = r.per_page;
    s.offset = (r.page - 1) * r.per_page;
    r.filtered = !r.edition.empty() || !r.session_type.empty() || !r.room.empty() ||
                 !r.speaker.empty() || !r.person.empty() || !r.stakeholder_group.empty() ||
                 !r.from.empty() || !r.to.empty();
    return r;
}

nlohmann::json found_turn_json(const store::FoundTurn& f, const transcripts::SearchQuery& q) {
    auto excerpt = transcripts::highlighted(f.text, q);
    nlohmann::json pieces = nlohmann::json::array();
    for (const auto& p : excerpt.pieces) pieces.push_back({{"text", p.text}, {"marked", p.marked}});
    auto page = transcript_url(f.edition, f.transcript);
    auto number = f.position + 1;
    nlohmann::json session = nullptr;
    if (!f.session_code.empty())
        session = {{"code", f.session_code}, {"title", f.session_title}, {"type", f.session_type}};
    auto or_null = [](const std::string& s) {
        return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    return {{"turn", f.turn_id},
            {"number", number},
            {"url", page + "#turn-" + std::to_string(number)},
            {"speaker", f.label ? nlohmann::json(*f.label) : nullptr},
            {"person", or_null(f.person_name)},
            {"text", f.text},
            {"excerpt",
             {{"pieces", pieces},
              {"cut_before", excerpt.cut_before},
              {"cut_after", excerpt.cut_after}}},
            {"transcript",
             {{"id", f.transcript},
              {"title", or_null(f.title)},
              {"url", page},
              {"date", or_null(f.held_on)},
              {"room", or_null(f.room)}}},
            {"edition", {{"id", f.edition}, {"name", f.edition_name}}},
            {"session", session}};
}

}  // namespace convene::web
