#include "store/transcripts/transcripts.hpp"

#include <chrono>
#include <map>

#include "core/common/clock.hpp"
#include "core/transcripts/search_facets.hpp"
#include "core/transcripts/search_text.hpp"
#include "core/transcripts/speakers.hpp"
#include "security/secrets.hpp"
#include "store/transcripts/search.hpp"

namespace convene::store {

namespace {

db::Value optional_id(const auto& id) {
    return id ? db::Value{id->value()} : db::Value{nullptr};
}

db::Value text_or_null(const std::string& s) {
    return s.empty() ? db::Value{nullptr} : db::Value{s};
}

std::optional<std::int64_t> parse_seconds(const std::string& utc) {
    auto t = utc.empty() ? std::nullopt : parse_utc(utc);
    if (!t) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
}

// FTS5's default: a level's segments are merged once it holds four.
constexpr const char* usual_merging =
    "INSERT INTO transcript_search (transcript_search, rank) VALUES ('automerge', 4)";

}  // namespace

SearchIndexBatch::~SearchIndexBatch() {
    try {
        index();
    } catch (...) {
        // The connection is gone, and with it the transaction of the turns held.
    }
}

void SearchIndexBatch::hold(db::Connection& c, TranscriptId transcript) {
    connection_ = &c;
    held_.push_back(transcript.value());
}

void SearchIndexBatch::index() {
    if (held_.empty()) return;
    index_new_turns(*connection_, "transcript_id IN (SELECT value FROM json_each(?))",
                    {held_.dump()});
    held_ = nlohmann::json::array();
}

BulkIndexMerge::BulkIndexMerge(db::Connection& c)
    : c_(c.engine() == db::Engine::sqlite ? &c : nullptr) {
    if (c_)
        c_->run("INSERT INTO transcript_search (transcript_search, rank) VALUES ('automerge', 0)");
}

BulkIndexMerge::~BulkIndexMerge() {
    if (!c_) return;
    try {
        c_->run(usual_merging);
    } catch (...) {
        // The database is gone: the next bulk import sets it back when it ends (until then
        // FTS5 still merges a level that reaches 16 segments).
    }
}

void BulkIndexMerge::finish() {
    if (!c_) return;
    db::Transaction tx(*c_);
    c_->run("INSERT INTO transcript_search (transcript_search) VALUES ('optimize')");
    c_->run(usual_merging);
    tx.commit();
    c_ = nullptr;
}

TranscriptId add_transcript(db::Connection& c, const NewTranscript& n,
                            const transcripts::Transcript& t,
                            const std::vector<SpeakerLinkSeed>& links, const BulkStore& bulk) {
    auto* batch = c.engine() == db::Engine::sqlite ? bulk.batch : nullptr;
    std::vector<transcripts::TurnWords> worked_out;
    const auto& turn_words = bulk.turn_words && bulk.turn_words->size() == t.turns.size()
                                 ? *bulk.turn_words
                                 : (worked_out = transcripts::turn_words(t));
    std::size_t words = 0;
    for (const auto& w : turn_words) words += w.words;
    const auto& h = t.header;
    auto id = TranscriptId{
        db::scalar(c.run(R"sql(
        INSERT INTO transcripts
            (edition_id, session_id, live_room_id, source, language, title, title_line, event,
             day, held_on, room, disclaimer, file_name, content_hash, file_bytes, encoding,
             turn_count, word_count, problems, added_by, added_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                         {n.place.edition,
                          optional_id(n.place.session),
                          optional_id(n.place.live_room),
                          n.source,
                          n.language,
                          h.title,
                          h.line,
                          h.event,
                          h.day,
                          h.date,
                          h.room,
                          h.disclaimer,
                          n.file_name,
                          n.content_hash ? db::Value{*n.content_hash} : db::Value{nullptr},
                          static_cast<std::int64_t>(n.file_bytes),
                          t.encoding,
                          static_cast<std::int64_t>(t.turns.size()),
                          static_cast<std::int64_t>(words),
                          transcripts::problems_json(t).dump(),
                          optional_id(n.added_by),
                          n.added_at}))};
    // The distinct speakers, by key, in order of first turn, with their counts.
    struct Speaker {
        std::string label;
        std::size_t turns = 0, words = 0, seconds = 0;
        std::int64_t id = 0;
    };
    std::map<std::string, std::size_t> index;
    std::vector<std::pair<std::string, Speaker>> speakers;
    std::vector<std::optional<std::size_t>> turn_speaker;
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        const auto& turn = t.turns[i];
        if (!turn.speaker) {
            turn_speaker.emplace_back();
            continue;
        }
        auto key = transcripts::label_key(*turn.speaker);
        if (key.empty()) key = *turn.speaker;
        auto [at, added] = index.try_emplace(key, speakers.size());
        if (added) speakers.push_back({key, {*turn.speaker}});
        auto& s = speakers[at->second].second;
        ++s.turns;
        s.words += turn_words[i].words;
        if (auto start = parse_seconds(turn.started_at), end = parse_seconds(turn.ended_at);
            start && end && *end > *start)
            s.seconds += static_cast<std::size_t>(*end - *start);
        turn_speaker.push_back(at->second);
    }
    std::map<std::string, const SpeakerLinkSeed*> link_of;
    for (const auto& l : links) link_of[l.label_key] = &l;
    for (auto& [key, s] : speakers) {
        auto role = transcripts::label_role(s.label);
        const auto* link = link_of.count(key) ? link_of[key] : nullptr;
        s.id = db::scalar(
            c.run(R"sql(
            INSERT INTO transcript_speakers
                (transcript_id, label, label_key, role, name, person_id, account_id, queue_person,
                 linked_by, turns, words, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
        )sql",
                  {id, s.label, key, role.role, role.name,
                   link ? optional_id(link->person) : db::Value{nullptr},
                   link ? optional_id(link->account) : db::Value{nullptr},
                   link ? link->queue_person : std::string(),
                   link ? link->linked_by : std::string(), static_cast<std::int64_t>(s.turns),
                   static_cast<std::int64_t>(s.words), static_cast<std::int64_t>(s.seconds)}));
    }
    // Each turn with its search words and facts (migrations/022, 028), indexed in this
    // transaction: now, or with the batch's other turns.
    std::vector<db::Value> rows;
    rows.reserve(t.turns.size() * 11);
    transcripts::TurnFacts facts{n.place.edition.value(), id.value(), {}, "", h.room, h.date};
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        const auto& turn = t.turns[i];
        const auto* speaker = turn_speaker[i] ? &speakers[*turn_speaker[i]] : nullptr;
        facts.speaker = speaker ? std::optional<std::int64_t>(speaker->second.id) : std::nullopt;
        facts.label = speaker ? speaker->first : "";
        auto facets = transcripts::search_facets(facts);
        rows.insert(
            rows.end(),
            {id, static_cast<std::int64_t>(i),
             speaker ? db::Value{speaker->second.id} : db::Value{nullptr},
             turn.speaker ? db::Value{*turn.speaker} : db::Value{nullptr}, turn.text,
             static_cast<std::int64_t>(turn_words[i].words), text_or_null(turn.started_at),
             text_or_null(turn.ended_at), turn_words[i].search_text,
             speaker ? db::Value{transcripts::search_speaker(speaker->first)} : db::Value{nullptr},
             std::move(facets)});
    }
    if (!rows.empty())
        db::insert_rows(c,
                        "INSERT INTO transcript_turns (transcript_id, position, speaker_id, label, "
                        "text, words, started_at, ended_at, search_text, search_speaker, "
                        "search_facets)",
                        11, rows);
    if (batch)
        batch->hold(c, id);
    else if (!t.turns.empty())
        index_new_turns(c, "transcript_id = ?", {id});
    rows.clear();
    for (std::size_t i = 0; i < t.directions.size(); ++i) {
        const auto& d = t.directions[i];
        rows.insert(rows.end(),
                    {id, static_cast<std::int64_t>(i),
                     d.turn ? db::Value{static_cast<std::int64_t>(*d.turn)} : db::Value{nullptr},
                     static_cast<std::int64_t>(d.paragraph), std::int64_t{d.within_text}, d.text});
    }
    if (!rows.empty())
        db::insert_rows(c,
                        "INSERT INTO transcript_directions (transcript_id, position, "
                        "turn_position, paragraph, within_text, text)",
                        6, rows);
    return id;
}

std::optional<KnownTranscript> transcript_with_hash(db::Connection& c, const std::string& hash) {
    auto r = c.run(R"sql(
        SELECT id, edition_id, title, added_at FROM transcripts WHERE content_hash = ?
    )sql",
                   {hash});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows.front();
    return KnownTranscript{row.id<TranscriptId>("id"), row.id<EditionId>("edition_id"),
                           row.text("title"), row.text("added_at"), false};
}

std::string transcript_file_hash(std::string_view bytes) {
    return token_hash(bytes);
}

KnownTranscript store_transcript_file(db::Connection& c, NewTranscript n, std::string_view bytes,
                                      const transcripts::Transcript& t, const BulkStore& bulk) {
    n.content_hash = transcript_file_hash(bytes);
    n.file_bytes = bytes.size();
    if (auto known = transcript_with_hash(c, *n.content_hash)) {
        known->existed = true;
        return *known;
    }
    try {
        db::Savepoint attempt(c);
        auto id = add_transcript(c, n, t, {}, bulk);
        attempt.release();
        return {id, n.place.edition, t.header.title, n.added_at, false};
    } catch (const db::Error& e) {
        if (e.kind() != db::Error::Kind::unique_violation) throw;
    }
    // Stored by another import meanwhile.
    auto known = transcript_with_hash(c, *n.content_hash);
    if (!known) throw db::Error(db::Error::Kind::unique_violation, "transcripts.content_hash");
    known->existed = true;
    return *known;
}

std::optional<TranscriptId> transcript_of_live_room(db::Connection& c, LiveRoomId room,
                                                    const std::string& language) {
    auto r = c.run(R"sql(
        SELECT id FROM transcripts
        WHERE live_room_id = ? AND language = ? AND source = 'captions'
    )sql",
                   {room, language});
    if (r.empty()) return std::nullopt;
    return r.rows.front().id<TranscriptId>("id");
}

void delete_transcript(db::Connection& c, TranscriptId id) {
    // Turns point at speakers: both go with the transcript (ON DELETE CASCADE), turns first.
    c.run(R"sql(DELETE FROM transcript_turns WHERE transcript_id = ?)sql", {id});
    c.run(R"sql(DELETE FROM transcripts WHERE id = ?)sql", {id});
}

std::optional<SessionRef> edition_session(db::Connection& c, EditionId edition,
                                          const std::string& id_or_code) {
    bool number = !id_or_code.empty() && id_or_code.size() <= 18 &&
                  id_or_code.find_first_not_of("0123456789") == std::string::npos;
    auto r = c.run(R"sql(
        SELECT id, code, title FROM programme_sessions
        WHERE edition_id = ? AND (id = ? OR code = ?)
        ORDER BY id
    )sql",
                   {edition, number ? std::stoll(id_or_code) : std::int64_t{-1}, id_or_code});
    if (r.empty()) return std::nullopt;
    const auto& row = r.rows.front();
    return SessionRef{row.id<SessionId>("id"), row.text("code"), row.text("title")};
}

}  // namespace convene::store
