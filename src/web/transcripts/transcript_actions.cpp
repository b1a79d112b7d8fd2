#include "web/transcripts/transcript_actions.hpp"

#include "core/common/messages.hpp"
#include "core/transcripts/formats.hpp"
#include "core/transcripts/reading.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json text_or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

AddedTranscript add_transcript_bytes(Exchange& ex, const store::Edition& e,
                                     const std::string& field, std::string_view bytes,
                                     const std::string& file_name, const std::string& session) {
    store::NewTranscript n;
    n.place.edition = e.id;
    if (!session.empty()) {
        auto found = store::edition_session(ex.db(), e.id, session);
        if (!found)
            throw http::unprocessable(
                {{"session", say("transcripts.no_session", {{"session", session}})}});
        n.place.session = found->id;
    }
    auto reading = transcripts::read_transcript(bytes);
    if (!reading.refusal.empty())
        throw http::unprocessable({{field, transcripts::refusal_message(reading)}});
    n.file_name = file_name;
    n.added_by = ex.account() ? std::optional(ex.account()->id) : std::nullopt;
    n.added_at = ex.now();
    auto known = store::store_transcript_file(ex.db(), n, bytes, reading.transcript);
    if (!known.existed)
        ex.audit("transcript.add", "transcript " + to_string(known.id),
                 {{"edition", e.id},
                  {"file_name", file_name},
                  {"turns", reading.transcript.turns.size()}});
    return {known, reading.transcript.turns.size()};
}

store::StoredTranscript transcript_in_path(Exchange& ex, const store::Edition& e) {
    auto t = store::find_transcript(ex.db(), e.id, ex.params.id<TranscriptId>("transcript"));
    if (!t) throw http::not_found(say("transcripts.no_such_transcript"));
    return std::move(*t);
}

std::string transcript_url(EditionId edition, TranscriptId id, const std::string& rest) {
    return "/editions/" + to_string(edition) + "/transcripts/" + to_string(id) + rest;
}

nlohmann::json transcript_summary_json(const store::Edition& e, const store::TranscriptSummary& s) {
    nlohmann::json session = nullptr;
    if (s.session)
        session = {{"id", *s.session}, {"code", s.session_code}, {"title", s.session_title}};
    nlohmann::json live_room = nullptr;
    if (s.live_room) live_room = {{"id", *s.live_room}, {"title", s.live_room_title}};
    auto url = transcript_url(e.id, s.id);
    return {{"id", s.id},
            {"edition", s.edition},
            {"session", session},
            {"live_room", live_room},
            {"source", s.source},
            {"language", s.language},
            {"title", text_or_null(s.title)},
            {"event", text_or_null(s.event)},
            {"day", text_or_null(s.day)},
            {"date", text_or_null(s.held_on)},
            {"room", text_or_null(s.room)},
            {"file_name", text_or_null(s.file_name)},
            {"turns", s.turns},
            {"words", s.words},
            {"speakers", s.speakers},
            {"timed", s.timed},
            {"added_at", s.added_at},
            {"url", url},
            {"downloads",
             {{"text", url + "/transcript.txt"},
              {"json", url + "/transcript.json"},
              {"webvtt", s.timed ? nlohmann::json(url + "/transcript.vtt") : nullptr}}}};
}

nlohmann::json transcript_json(const store::Edition& e, const store::StoredTranscript& t) {
    auto j = transcript_summary_json(e, t.summary);
    auto read = transcripts::to_json(t.transcript);
    j["disclaimer"] = read["disclaimer"];
    j["encoding"] = t.summary.encoding;
    nlohmann::json turns = nlohmann::json::array();
    for (std::size_t i = 0; i < t.transcript.turns.size(); ++i) {
        const auto& turn = t.transcript.turns[i];
        auto speaker = t.turn_speakers[i];
        nlohmann::json one = {
            {"number", i + 1},
            {"speaker", turn.speaker ? nlohmann::json(*turn.speaker) : nullptr},
            {"speaker_id", speaker ? nlohmann::json(t.speakers[*speaker].id) : nullptr},
            {"text", turn.text}};
        if (!turn.started_at.empty()) one["start"] = turn.started_at;
        if (!turn.ended_at.empty()) one["end"] = turn.ended_at;
        turns.push_back(std::move(one));
    }
    j["turns"] = std::move(turns);
    j["directions"] = read["directions"];
    nlohmann::json speakers = nlohmann::json::array();
    for (const auto& s : t.speakers) {
        nlohmann::json person = nullptr;
        if (s.person) person = {{"id", *s.person}, {"name", s.person_name}};
        speakers.push_back({{"id", s.id},
                            {"label", s.label},
                            {"role", text_or_null(s.role)},
                            {"name", s.name},
                            {"turns", s.turns},
                            {"words", s.words},
                            {"seconds", s.seconds},
                            {"person", person},
                            {"account", s.account ? nlohmann::json(*s.account) : nullptr},
                            {"linked_by", text_or_null(s.linked_by)}});
    }
    j["speakers"] = std::move(speakers);
    j["unread"] = read["unread"];
    j["unread_total"] = read["unread_total"];
    j["bad_bytes"] = read["bad_bytes"];
    j["bad_bytes_total"] = read["bad_bytes_total"];
    return j;
}

}  // namespace convene::web
