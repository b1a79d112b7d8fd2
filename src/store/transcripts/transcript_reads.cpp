#include <map>

#include "store/transcripts/transcripts.hpp"

namespace convene::store {

namespace {

void read_problems(const std::string& text, transcripts::Transcript& t) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    for (const auto& u : j.value("unread", nlohmann::json::array()))
        t.unread.push_back({u.value("line", 0), u.value("text", ""), u.value("reason", "")});
    t.unread_total = j.value("unread_total", t.unread.size());
    for (const auto& b : j.value("bad_bytes", nlohmann::json::array()))
        t.bad_bytes.push_back({b.value("line", 0), b.value("offset", std::size_t{0}),
                               b.value("bytes", ""), b.value("read_as", "")});
    t.bad_bytes_total = j.value("bad_bytes_total", t.bad_bytes.size());
}

constexpr std::string_view summary_select = R"sql(
    SELECT t.id, t.edition_id, t.session_id, t.live_room_id, t.source, t.language, t.title,
           t.title_line, t.event, t.day, t.held_on, t.room, t.disclaimer, t.file_name,
           t.encoding, t.added_at, t.file_bytes, t.turn_count, t.word_count, t.problems,
           COALESCE(s.code, '') AS session_code, COALESCE(s.title, '') AS session_title,
           COALESCE(r.title, '') AS live_room_title,
           (SELECT COUNT(*) FROM transcript_speakers sp WHERE sp.transcript_id = t.id)
               AS speaker_count,
           (SELECT COUNT(*) FROM transcript_turns tt
            WHERE tt.transcript_id = t.id AND tt.started_at IS NOT NULL) AS timed_turns
    FROM transcripts t
    LEFT JOIN programme_sessions s ON s.id = t.session_id
    LEFT JOIN live_rooms r ON r.id = t.live_room_id
)sql";

TranscriptSummary summary_of(const db::Row& row) {
    TranscriptSummary s;
    s.id = row.id<TranscriptId>("id");
    s.edition = row.id<EditionId>("edition_id");
    if (!row.is_null("session_id")) s.session = row.id<SessionId>("session_id");
    if (!row.is_null("live_room_id")) s.live_room = row.id<LiveRoomId>("live_room_id");
    s.session_code = row.text("session_code");
    s.session_title = row.text("session_title");
    s.live_room_title = row.text("live_room_title");
    s.source = row.text("source");
    s.language = row.text("language");
    s.title = row.text("title");
    s.title_line = row.text("title_line");
    s.event = row.text("event");
    s.day = row.text("day");
    s.held_on = row.text("held_on");
    s.room = row.text("room");
    s.disclaimer = row.text("disclaimer");
    s.file_name = row.text("file_name");
    s.encoding = row.text("encoding");
    s.added_at = row.text("added_at");
    s.file_bytes = static_cast<std::size_t>(row.integer("file_bytes"));
    s.turns = static_cast<std::size_t>(row.integer("turn_count"));
    s.words = static_cast<std::size_t>(row.integer("word_count"));
    s.speakers = static_cast<std::size_t>(row.integer("speaker_count"));
    s.timed = s.turns > 0 && static_cast<std::size_t>(row.integer("timed_turns")) == s.turns;
    return s;
}

}  // namespace

std::vector<TranscriptSummary> edition_transcripts(db::Connection& c, EditionId edition) {
    auto r = c.run(std::string(summary_select) + R"sql(
        WHERE t.edition_id = ?
        ORDER BY CASE WHEN t.held_on = '' THEN 1 ELSE 0 END, t.held_on, t.id
    )sql",
                   {edition});
    std::vector<TranscriptSummary> out;
    for (const auto& row : r.rows) out.push_back(summary_of(row));
    return out;
}

std::optional<StoredTranscript> find_transcript(db::Connection& c, EditionId edition,
                                                TranscriptId id) {
    auto r = c.run(std::string(summary_select) + R"sql(
        WHERE t.edition_id = ? AND t.id = ?
    )sql",
                   {edition, id});
    if (r.empty()) return std::nullopt;
    StoredTranscript out;
    out.summary = summary_of(r.rows.front());
    const auto& s = out.summary;
    auto& t = out.transcript;
    t.header = {s.title_line, s.title, s.event, s.day, s.held_on, s.room, s.disclaimer};
    t.encoding = s.encoding;
    read_problems(r.rows.front().text("problems"), t);
    // A label's link in this transcript wins; else its key's link for every transcript,
    // unless the label is only a role (a moderator differs from session to session).
    auto speakers = c.run(R"sql(
        SELECT sp.id, sp.label, sp.label_key, sp.role, sp.name, sp.account_id, sp.linked_by,
               sp.turns, sp.words, sp.seconds,
               COALESCE(sp.person_id, l.person_id) AS linked_person,
               COALESCE(p.name, '') AS person_name
        FROM transcript_speakers sp
        LEFT JOIN speaker_links l ON l.label_key = sp.label_key AND sp.name <> ''
        LEFT JOIN people p ON p.id = COALESCE(sp.person_id, l.person_id)
        WHERE sp.transcript_id = ?
        ORDER BY sp.id
    )sql",
                          {id});
    std::map<std::int64_t, std::size_t> speaker_index;
    for (const auto& row : speakers.rows) {
        TranscriptSpeaker sp;
        sp.id = row.integer("id");
        sp.label = row.text("label");
        sp.label_key = row.text("label_key");
        sp.role = row.text("role");
        sp.name = row.text("name");
        if (!row.is_null("linked_person")) sp.person = row.id<PersonId>("linked_person");
        sp.person_name = row.text("person_name");
        if (!row.is_null("account_id")) sp.account = row.id<AccountId>("account_id");
        sp.linked_by = row.text("linked_by");
        if (sp.linked_by.empty() && sp.person) sp.linked_by = "secretariat";
        sp.turns = static_cast<std::size_t>(row.integer("turns"));
        sp.words = static_cast<std::size_t>(row.integer("words"));
        sp.seconds = static_cast<std::size_t>(row.integer("seconds"));
        speaker_index[sp.id] = out.speakers.size();
        out.speakers.push_back(std::move(sp));
    }
    auto turns = c.run(R"sql(
        SELECT position, speaker_id, label, text, started_at, ended_at
        FROM transcript_turns
        WHERE transcript_id = ?
        ORDER BY position
    )sql",
                       {id});
    for (const auto& row : turns.rows) {
        transcripts::Turn turn;
        turn.speaker = row.optional_text("label");
        turn.text = row.text("text");
        turn.started_at = row.text("started_at");
        turn.ended_at = row.text("ended_at");
        t.turns.push_back(std::move(turn));
        out.turn_speakers.push_back(
            row.is_null("speaker_id")
                ? std::nullopt
                : std::optional<std::size_t>(speaker_index.at(row.integer("speaker_id"))));
    }
    auto directions = c.run(R"sql(
        SELECT turn_position, paragraph, within_text, text
        FROM transcript_directions
        WHERE transcript_id = ?
        ORDER BY position
    )sql",
                            {id});
    for (const auto& row : directions.rows) {
        transcripts::Direction d;
        if (!row.is_null("turn_position"))
            d.turn = static_cast<std::size_t>(row.integer("turn_position"));
        d.paragraph = static_cast<std::size_t>(row.integer("paragraph"));
        d.within_text = row.boolean("within_text");
        d.text = row.text("text");
        t.directions.push_back(std::move(d));
    }
    return out;
}

}  // namespace convene::store
