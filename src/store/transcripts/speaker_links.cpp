#include "store/transcripts/speaker_links.hpp"

#include <algorithm>
#include <map>

namespace convene::store {

namespace {

// Every spelling of every label, with its link for every transcript (never a role alone's).
constexpr std::string_view spellings_select = R"sql(
    SELECT sp.label_key, sp.label, MAX(sp.role) AS role, MAX(sp.name) AS name,
           COUNT(*) AS transcripts, SUM(sp.turns) AS turns, SUM(sp.words) AS words,
           SUM(CASE WHEN sp.person_id IS NULL THEN 0 ELSE 1 END) AS linked_here,
           MAX(l.person_id) AS person_id, MAX(p.name) AS person_name, MIN(sp.id) AS first_id
    FROM transcript_speakers sp
    JOIN transcripts t ON t.id = sp.transcript_id
    LEFT JOIN speaker_links l ON l.label_key = sp.label_key AND sp.name <> ''
    LEFT JOIN people p ON p.id = l.person_id
)sql";

std::vector<SpeakerLabel> labels_of(const db::Result& r) {
    std::map<std::string, SpeakerLabel> by_key;
    // Per key, each spelling's turns and first appearance, most turns (then first) first.
    struct Spelling {
        std::size_t turns;
        std::int64_t first;
        std::string label;
    };
    std::map<std::string, std::vector<Spelling>> spellings;
    for (const auto& row : r.rows) {
        auto key = row.text("label_key");
        auto& l = by_key[key];
        l.key = key;
        auto turns = static_cast<std::size_t>(row.integer("turns"));
        spellings[key].push_back({turns, row.integer("first_id"), row.text("label")});
        if (l.role.empty()) l.role = row.text("role");
        l.role_only = row.text("name").empty();
        l.transcripts += static_cast<std::size_t>(row.integer("transcripts"));
        l.turns += turns;
        l.words += static_cast<std::size_t>(row.integer("words"));
        l.linked_in_transcripts += static_cast<std::size_t>(row.integer("linked_here"));
        if (!row.is_null("person_id")) {
            l.person = row.id<PersonId>("person_id");
            l.person_name = row.text("person_name");
        }
    }
    std::vector<SpeakerLabel> out;
    for (auto& [key, l] : by_key) {
        auto& s = spellings[key];
        std::sort(s.begin(), s.end(), [](const Spelling& a, const Spelling& b) {
            return a.turns != b.turns ? a.turns > b.turns : a.first < b.first;
        });
        l.label = s.front().label;
        for (std::size_t i = 1; i < s.size(); ++i) l.spellings.push_back(s[i].label);
        out.push_back(std::move(l));
    }
    std::stable_sort(out.begin(), out.end(), [](const SpeakerLabel& a, const SpeakerLabel& b) {
        return a.turns != b.turns ? a.turns > b.turns : a.label < b.label;
    });
    return out;
}

}  // namespace

std::vector<SpeakerLabel> speaker_labels(db::Connection& c, std::optional<EditionId> edition) {
    const std::string group = " GROUP BY sp.label_key, sp.label";
    if (edition)
        return labels_of(
            c.run(std::string(spellings_select) + " WHERE t.edition_id = ?" + group, {*edition}));
    return labels_of(c.run(std::string(spellings_select) + group));
}

std::optional<SpeakerLabel> speaker_label(db::Connection& c, const std::string& key,
                                          std::optional<EditionId> edition) {
    const std::string group = " GROUP BY sp.label_key, sp.label";
    auto r = edition
                 ? c.run(std::string(spellings_select) +
                             " WHERE sp.label_key = ? AND t.edition_id = ?" + group,
                         {key, *edition})
                 : c.run(std::string(spellings_select) + " WHERE sp.label_key = ?" + group, {key});
    auto labels = labels_of(r);
    if (labels.empty()) return std::nullopt;
    return labels.front();
}

std::vector<EditionId> editions_of_label(db::Connection& c, const std::string& key) {
    auto r = c.run(R"sql(
        SELECT DISTINCT t.edition_id
        FROM transcript_speakers sp
        JOIN transcripts t ON t.id = sp.transcript_id
        WHERE sp.label_key = ?
        ORDER BY t.edition_id
    )sql",
                   {key});
    std::vector<EditionId> out;
    for (const auto& row : r.rows) out.push_back(row.id<EditionId>("edition_id"));
    return out;
}

namespace {

constexpr std::string_view in_transcript_select = R"sql(
    SELECT sp.id, sp.transcript_id, t.edition_id, t.title, t.held_on,
           COALESCE(s.code, '') AS session_code, sp.label, sp.turns, sp.words, sp.person_id,
           sp.linked_by, COALESCE(p.name, '') AS person_name
    FROM transcript_speakers sp
    JOIN transcripts t ON t.id = sp.transcript_id
    LEFT JOIN programme_sessions s ON s.id = t.session_id
    LEFT JOIN people p ON p.id = sp.person_id
)sql";

LabelInTranscript in_transcript(const db::Row& row) {
    LabelInTranscript l;
    l.speaker = row.integer("id");
    l.transcript = row.id<TranscriptId>("transcript_id");
    l.edition = row.id<EditionId>("edition_id");
    l.title = row.text("title");
    l.held_on = row.text("held_on");
    l.session_code = row.text("session_code");
    l.label = row.text("label");
    l.turns = static_cast<std::size_t>(row.integer("turns"));
    l.words = static_cast<std::size_t>(row.integer("words"));
    if (!row.is_null("person_id")) l.person = row.id<PersonId>("person_id");
    l.person_name = row.text("person_name");
    l.linked_by = row.text("linked_by");
    return l;
}

}  // namespace

std::vector<LabelInTranscript> transcripts_of_label(db::Connection& c, const std::string& key,
                                                    std::optional<EditionId> edition) {
    const std::string order = " ORDER BY t.edition_id, t.held_on, t.id";
    auto r = edition ? c.run(std::string(in_transcript_select) +
                                 " WHERE sp.label_key = ? AND t.edition_id = ?" + order,
                             {key, *edition})
                     : c.run(std::string(in_transcript_select) + " WHERE sp.label_key = ?" + order,
                             {key});
    std::vector<LabelInTranscript> out;
    for (const auto& row : r.rows) out.push_back(in_transcript(row));
    return out;
}

std::optional<LabelInTranscript> speaker_in_transcript(db::Connection& c, TranscriptId transcript,
                                                       std::int64_t speaker) {
    auto r = c.run(std::string(in_transcript_select) + " WHERE sp.transcript_id = ? AND sp.id = ?",
                   {transcript, speaker});
    if (r.empty()) return std::nullopt;
    return in_transcript(r.rows.front());
}

std::vector<transcripts::KnownPerson> people_names(db::Connection& c) {
    auto r = c.run(R"sql(SELECT id, name FROM people ORDER BY id)sql");
    std::vector<transcripts::KnownPerson> out;
    out.reserve(r.rows.size());
    for (const auto& row : r.rows) out.push_back({row.integer("id"), row.text("name")});
    return out;
}

std::optional<PersonRecord> person_record(db::Connection& c, PersonId id) {
    auto r = c.run(R"sql(
        SELECT p.id, p.name, COALESCE(o.name, '') AS organisation,
               COALESCE(p.country, '') AS country, p.stakeholder_group, p.gender
        FROM people p
        LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE p.id = ?
    )sql",
                   {id});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows.front();
    return PersonRecord{row.id<PersonId>("id"),        row.text("name"),
                        row.text("organisation"),      row.text("country"),
                        row.text("stakeholder_group"), row.text("gender")};
}

void link_label(db::Connection& c, const std::string& key, PersonId person,
                std::optional<AccountId> by, const std::string& at) {
    c.run(R"sql(
        INSERT INTO speaker_links (label_key, person_id, linked_by, linked_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (label_key) DO UPDATE
        SET person_id = excluded.person_id, linked_by = excluded.linked_by,
            linked_at = excluded.linked_at
    )sql",
          {key, person, by ? db::Value{by->value()} : db::Value{nullptr}, at});
}

bool unlink_label(db::Connection& c, const std::string& key) {
    auto r =
        c.run(R"sql(DELETE FROM speaker_links WHERE label_key = ? RETURNING label_key)sql", {key});
    return !r.empty();
}

void link_in_transcript(db::Connection& c, std::int64_t speaker, std::optional<PersonId> person) {
    // The Secretariat's word replaces the speaking queue's account (its queue key is kept).
    c.run(R"sql(
        UPDATE transcript_speakers SET person_id = ?, account_id = NULL, linked_by = ?
        WHERE id = ?
    )sql",
          {person ? db::Value{person->value()} : db::Value{nullptr},
           std::string(person ? "secretariat" : ""), speaker});
}

}  // namespace convene::store
