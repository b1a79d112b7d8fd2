#include "store/transcripts/statistics.hpp"

#include <chrono>
#include <map>

#include "core/common/clock.hpp"
#include "core/people/country.hpp"

namespace convene::store {

namespace {

std::size_t seconds_between(const std::string& start, const std::string& end) {
    auto from = parse_utc(start), to = parse_utc(end);
    if (!from || !to || *to <= *from) return 0;
    return static_cast<std::size_t>(
        std::chrono::duration_cast<std::chrono::seconds>(*to - *from).count());
}

// " AND t.id = ?" with its value when one transcript is asked for.
std::string one(std::optional<TranscriptId> transcript, std::vector<db::Value>& values) {
    if (!transcript) return "";
    values.emplace_back(*transcript);
    return " AND t.id = ?";
}

}  // namespace

SpeakerFigures speaker_figures(db::Connection& c, EditionId edition,
                               std::optional<TranscriptId> transcript) {
    SpeakerFigures out;
    std::vector<db::Value> values{edition};
    auto only = one(transcript, values);
    auto transcripts = c.run(std::string(R"sql(
        SELECT t.id, t.live_room_id, t.source, t.turn_count, t.word_count,
               (SELECT COUNT(*) FROM transcript_turns tt
                WHERE tt.transcript_id = t.id AND tt.started_at IS NOT NULL) AS timed_turns
        FROM transcripts t
        WHERE t.edition_id = ?)sql") +
                                 only + " ORDER BY t.id",
                             values);
    std::map<std::int64_t, std::size_t> at;
    for (const auto& row : transcripts.rows) {
        transcripts::TranscriptTally t;
        t.transcript = row.integer("id");
        if (!row.is_null("live_room_id")) t.live_room = row.integer("live_room_id");
        t.from_captions = row.text("source") == "captions";
        t.turns = static_cast<std::size_t>(row.integer("turn_count"));
        t.words = static_cast<std::size_t>(row.integer("word_count"));
        t.timed = t.turns > 0 && static_cast<std::size_t>(row.integer("timed_turns")) == t.turns;
        at[t.transcript] = out.transcripts.size();
        out.transcripts.push_back(t);
    }
    // The time of the turns whose speaker is not named (the speakers' is kept with them).
    auto unnamed = c.run(std::string(R"sql(
        SELECT tt.transcript_id, tt.started_at, tt.ended_at
        FROM transcript_turns tt
        JOIN transcripts t ON t.id = tt.transcript_id
        WHERE t.edition_id = ? AND tt.speaker_id IS NULL AND tt.started_at IS NOT NULL)sql") +
                             only,
                         values);
    for (const auto& row : unnamed.rows)
        if (auto found = at.find(row.integer("transcript_id")); found != at.end())
            out.transcripts[found->second].seconds +=
                seconds_between(row.text("started_at"), row.text("ended_at"));
    // A label's link in its transcript wins; else its key's link, unless it is a role alone.
    auto speakers = c.run(std::string(R"sql(
        SELECT sp.transcript_id, sp.label, sp.label_key, sp.role, sp.turns, sp.words, sp.seconds,
               COALESCE(sp.person_id, l.person_id) AS person_id,
               COALESCE(p.name, '') AS person_name,
               COALESCE(p.stakeholder_group, '') AS stakeholder_group,
               COALESCE(p.gender, '') AS gender, COALESCE(p.country, '') AS country
        FROM transcript_speakers sp
        JOIN transcripts t ON t.id = sp.transcript_id
        LEFT JOIN speaker_links l ON l.label_key = sp.label_key AND sp.name <> ''
        LEFT JOIN people p ON p.id = COALESCE(sp.person_id, l.person_id)
        WHERE t.edition_id = ?)sql") +
                              only + " ORDER BY sp.id",
                          values);
    for (const auto& row : speakers.rows) {
        transcripts::SpeakerTally s;
        s.transcript = row.integer("transcript_id");
        s.label = row.text("label");
        s.label_key = row.text("label_key");
        s.role = row.text("role");
        if (!row.is_null("person_id")) s.person = row.integer("person_id");
        s.person_name = row.text("person_name");
        s.stakeholder_group = row.text("stakeholder_group");
        s.gender = row.text("gender");
        if (const auto* country = find_country(row.text("country")))
            s.region = country->regional_group;
        s.turns = static_cast<std::size_t>(row.integer("turns"));
        s.words = static_cast<std::size_t>(row.integer("words"));
        s.seconds = static_cast<std::size_t>(row.integer("seconds"));
        if (auto found = at.find(s.transcript); found != at.end())
            out.transcripts[found->second].seconds += s.seconds;
        out.speakers.push_back(std::move(s));
    }
    return out;
}

}  // namespace convene::store
