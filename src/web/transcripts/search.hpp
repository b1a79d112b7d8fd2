#pragma once
// The archive's search over every transcript: the page /transcripts/search (a GET form
// that works without JavaScript) and GET /api/v1/transcripts/search read the same
// parameters (q, edition, session_type, room, speaker, person, stakeholder_group, from,
// to, page, per_page) into one search, refused with 400 naming the parameter, and show
// each found turn the same way: its text with the words found marked, its transcript,
// and the address of the turn (#turn-N on the transcript's page).
#include <nlohmann/json.hpp>
#include <string>

#include "core/common/field_error.hpp"
#include "http/message.hpp"
#include "store/transcripts/search.hpp"

namespace convene::web {

class Exchange;

http::Response transcript_search_page(Exchange&);
http::Response api_transcript_search(Exchange&);

inline constexpr std::size_t search_per_page = 20, max_search_per_page = 50, max_search_page = 50;

struct SearchRequest {
    // What was asked, as typed (valid UTF-8 only: a bad value is an error and shown empty).
    std::string q, edition, session_type, room, speaker, person, stakeholder_group, from, to;
    std::size_t page = 1, per_page = search_per_page;
    bool asked = false;     // q holds something
    bool filtered = false;  // a filter is set
    store::TranscriptSearch search;
    FieldErrors errors;
};
// Reads the request's query string; `errors` names each parameter that cannot be used.
SearchRequest read_search_request(const http::Request& request);

// A found turn: {turn, number, url, speaker, person, text, excerpt: {pieces: [{text,
// marked}], cut_before, cut_after}, transcript: {id, title, url, date, room}, edition:
// {id, name}, session: {code, title, type} or null}.
nlohmann::json found_turn_json(const store::FoundTurn& f, const transcripts::SearchQuery& q);

}  // namespace convene::web
