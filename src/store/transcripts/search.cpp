#include "store/transcripts/search.hpp"

#include <algorithm>
#include <set>

#include "core/transcripts/search_text.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::store {

namespace {

using transcripts::SearchQuery;
using transcripts::SearchTerm;

std::string joined_words(const SearchTerm& t) {
    std::string out;
    for (const auto& w : t.words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// A term as an FTS5 phrase: its words in double quotes (a quote inside doubled, though
// normalised words hold none), so FTS5 reads no operator in it.
std::string fts5_phrase(const SearchTerm& t) {
    std::string out = "\"";
    for (char ch : joined_words(t)) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

// The PostgreSQL tsquery of a query, each term's words a bound parameter of
// phraseto_tsquery: "(phraseto_tsquery('simple', ?) || ...) && ... && !!phraseto_tsquery(...)".
std::string tsquery_expression(const SearchQuery& q, std::vector<db::Value>& params) {
    const std::string phrase = "phraseto_tsquery('simple'::regconfig, ?)";
    std::string out;
    for (const auto& clause : q.all) {
        std::string any;
        for (const auto& t : clause.any) {
            any += (any.empty() ? "" : " || ") + phrase;
            params.emplace_back(joined_words(t));
        }
        out += (out.empty() ? "(" : " && (") + any + ")";
    }
    for (const auto& t : q.none) {
        out += " && !!" + phrase;
        params.emplace_back(joined_words(t));
    }
    return out;
}

// The people linked to a speaker label whose name holds the words typed, as ids.
std::vector<std::int64_t> people_named(db::Connection& c, const std::string& key) {
    auto r = c.run(R"sql(
        SELECT id, name FROM people
        WHERE id IN (SELECT person_id FROM speaker_links)
           OR id IN (SELECT person_id FROM transcript_speakers WHERE person_id IS NOT NULL)
        ORDER BY id
    )sql");
    std::vector<std::int64_t> out;
    const std::string wanted = " " + key + " ";
    for (const auto& row : r.rows) {
        auto name = " " + transcripts::label_key(row.text("name")) + " ";
        if (name.find(wanted) != std::string::npos) out.push_back(row.integer("id"));
        if (out.size() >= 500) break;
    }
    return out;
}

}  // namespace

std::size_t index_unsearched_turns(db::Connection& c) {
    std::size_t done = 0;
    for (;;) {
        auto r = c.run(R"sql(
            SELECT id, text FROM transcript_turns WHERE search_text IS NULL ORDER BY id LIMIT 500
        )sql");
        if (r.empty()) break;
        for (const auto& row : r.rows)
            c.run(R"sql(UPDATE transcript_turns SET search_text = ? WHERE id = ?)sql",
                  {transcripts::search_text(row.text("text")), row.integer("id")});
        done += r.rows.size();
    }
    return done;
}

std::string fts5_match(const SearchQuery& q) {
    std::string all;
    for (const auto& clause : q.all) {
        std::string any;
        for (const auto& t : clause.any) any += (any.empty() ? "" : " OR ") + fts5_phrase(t);
        all += (all.empty() ? "" : " AND ") + (clause.any.size() > 1 ? "(" + any + ")" : any);
    }
    std::string out = "(" + all + ")";
    for (const auto& t : q.none) out = "(" + out + " NOT " + fts5_phrase(t) + ")";
    return out;
}

namespace {

// Every table a result or a filter reads, joined to the turn (tt).
const char* const around_turn = R"sql(
        JOIN transcripts t ON t.id = tt.transcript_id
        JOIN editions e ON e.id = t.edition_id
        LEFT JOIN programme_sessions s ON s.id = t.session_id
        LEFT JOIN transcript_speakers sp ON sp.id = tt.speaker_id
        LEFT JOIN speaker_links l ON l.label_key = sp.label_key AND sp.name <> ''
        LEFT JOIN people p ON p.id = COALESCE(sp.person_id, l.person_id)
        WHERE 1 = 1
    )sql";

// The search's filters, as conditions on the tables above.
std::string filter_conditions(db::Connection& c, const TranscriptSearch& s,
                              std::vector<db::Value>& params) {
    std::string sql;
    if (s.edition) {
        sql += " AND t.edition_id = ?";
        params.emplace_back(*s.edition);
    }
    if (!s.session_type.empty()) {
        sql += " AND s.session_type = ?";
        params.emplace_back(s.session_type);
    }
    if (!s.room.empty()) {
        sql += R"sql( AND (t.room = ? OR t.session_id IN (
            SELECT pp.session_id FROM published_placements pp
            JOIN rooms r ON r.id = pp.room_id WHERE r.name = ?)))sql";
        params.emplace_back(s.room);
        params.emplace_back(s.room);
    }
    if (auto key = transcripts::label_key(s.speaker); !key.empty()) {
        // Whole words of the label ("AMOUR" finds "CHAIR ST. AMOUR"), or of the name of
        // the person a label is linked to.
        sql += " AND (' ' || sp.label_key || ' ' LIKE ?";
        params.emplace_back("% " + key + " %");
        auto people = people_named(c, key);
        if (!people.empty()) {
            sql += " OR p.id IN (";
            for (std::size_t i = 0; i < people.size(); ++i) {
                sql += i ? ", ?" : "?";
                params.emplace_back(people[i]);
            }
            sql += ")";
        }
        sql += ")";
    }
    if (s.person) {
        sql += " AND p.id = ?";
        params.emplace_back(*s.person);
    }
    if (!s.stakeholder_group.empty()) {
        sql += " AND p.stakeholder_group = ?";
        params.emplace_back(s.stakeholder_group);
    }
    if (!s.from.empty()) {
        sql += " AND t.held_on <> '' AND t.held_on >= ?";
        params.emplace_back(s.from);
    }
    if (!s.to.empty()) {
        sql += " AND t.held_on <> '' AND t.held_on <= ?";
        params.emplace_back(s.to);
    }
    return sql;
}

// Relevance is ranked among the newest matching turns that pass the filters, at most
// this many: a common word matches hundreds of thousands of turns, and ranking them all
// took a third of a second over 10,000 transcripts. A rarer word or a phrase, with fewer
// matches, is ranked whole.
constexpr std::int64_t ranked_at_most = 2000;

// The smallest turn id among the newest `ranked_at_most` matches (0 when there are
// fewer): the engine walks the matches newest first and stops there, ranking none.
std::int64_t oldest_ranked(db::Connection& c, const TranscriptSearch& s) {
    std::vector<db::Value> params;
    std::string sql;
    if (c.engine() == db::Engine::sqlite) {
        sql = R"sql(SELECT transcript_search.rowid AS turn_id FROM transcript_search
            JOIN transcript_turns tt ON tt.id = transcript_search.rowid)sql";
        sql += around_turn;
        sql += " AND transcript_search MATCH ?";
        params.emplace_back(fts5_match(s.query));
        sql += filter_conditions(c, s, params);
        sql += " ORDER BY transcript_search.rowid DESC LIMIT 1 OFFSET ?";
    } else {
        sql = "SELECT tt.id AS turn_id FROM transcript_turns tt";
        sql += around_turn;
        sql += " AND tt.search_vector @@ (" + tsquery_expression(s.query, params) + ")";
        sql += filter_conditions(c, s, params);
        sql += " ORDER BY tt.id DESC LIMIT 1 OFFSET ?";
    }
    params.emplace_back(ranked_at_most - 1);
    auto r = c.run(sql, params);
    return r.empty() ? 0 : r.rows[0].integer("turn_id");
}

}  // namespace

FoundTurns search_transcript_turns(db::Connection& c, const TranscriptSearch& s) {
    if (s.query.all.empty()) return {};  // nothing to look for (no engine reads an empty query)
    auto oldest = oldest_ranked(c, s);
    // The turns to rank: the matches from the oldest ranked on that pass the filters, each
    // scored only once it passed them.
    std::vector<db::Value> params;
    std::string sql;
    if (c.engine() == db::Engine::sqlite) {
        sql = R"sql(
        WITH found AS (
            SELECT transcript_search.rowid AS turn_id, -bm25(transcript_search) AS score
            FROM transcript_search
            JOIN transcript_turns tt ON tt.id = transcript_search.rowid)sql";
        sql += around_turn;
        sql += " AND transcript_search MATCH ? AND transcript_search.rowid >= ?";
        params.emplace_back(fts5_match(s.query));
    } else {
        sql = "WITH q AS (SELECT " + tsquery_expression(s.query, params) + R"sql( AS query),
        found AS (
            SELECT tt.id AS turn_id, ts_rank(tt.search_vector, q.query) AS score
            FROM q, transcript_turns tt)sql";
        sql += around_turn;
        sql += " AND tt.search_vector @@ q.query AND tt.id >= ?";
    }
    params.emplace_back(oldest);
    sql += filter_conditions(c, s, params);
    sql += R"sql(
        )
        SELECT tt.id AS turn_id, tt.position, tt.label, tt.text, t.id AS transcript_id,
               t.edition_id, e.name AS edition_name, t.title, t.held_on, t.room,
               COALESCE(s.code, '') AS session_code, COALESCE(s.title, '') AS session_title,
               COALESCE(s.session_type, '') AS session_type,
               COALESCE(p.name, '') AS person_name
        FROM found
        JOIN transcript_turns tt ON tt.id = found.turn_id
    )sql";
    sql += around_turn;
    sql += " ORDER BY found.score DESC, t.held_on DESC, tt.id LIMIT ? OFFSET ?";
    params.emplace_back(static_cast<std::int64_t>(s.limit + 1));
    params.emplace_back(static_cast<std::int64_t>(s.offset));
    auto r = c.run(sql, params);
    FoundTurns out;
    for (const auto& row : r.rows) {
        if (out.turns.size() == s.limit) {
            out.more = true;
            break;
        }
        FoundTurn f;
        f.turn_id = row.integer("turn_id");
        f.position = static_cast<std::size_t>(row.integer("position"));
        f.label = row.optional_text("label");
        f.person_name = row.text("person_name");
        f.text = row.text("text");
        f.transcript = row.id<TranscriptId>("transcript_id");
        f.edition = row.id<EditionId>("edition_id");
        f.edition_name = row.text("edition_name");
        f.title = row.text("title");
        f.held_on = row.text("held_on");
        f.room = row.text("room");
        f.session_code = row.text("session_code");
        f.session_title = row.text("session_title");
        f.session_type = row.text("session_type");
        out.turns.push_back(std::move(f));
    }
    return out;
}

SearchChoices transcript_search_choices(db::Connection& c) {
    SearchChoices out;
    auto editions = c.run(R"sql(
        SELECT e.id, e.name FROM editions e
        WHERE EXISTS (SELECT 1 FROM transcripts t WHERE t.edition_id = e.id)
        ORDER BY e.start_date DESC, e.id DESC
    )sql");
    for (const auto& row : editions.rows)
        out.editions.emplace_back(row.id<EditionId>("id"), row.text("name"));
    auto rooms = c.run(R"sql(
        SELECT DISTINCT t.room AS name FROM transcripts t WHERE t.room <> ''
        UNION
        SELECT DISTINCT r.name FROM transcripts t
        JOIN published_placements pp ON pp.session_id = t.session_id
        JOIN rooms r ON r.id = pp.room_id
    )sql");
    std::set<std::string> names;
    for (const auto& row : rooms.rows) names.insert(row.text("name"));
    out.rooms.assign(names.begin(), names.end());
    return out;
}

}  // namespace convene::store
