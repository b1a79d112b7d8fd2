#include "store/transcripts/search.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/transcripts/search_facets.hpp"
#include "core/transcripts/search_text.hpp"
#include "core/transcripts/speakers.hpp"
#include "store/transcripts/search_filters.hpp"

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
    return between_quotes(joined_words(t), '"');
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

}  // namespace

std::size_t index_unsearched_turns(db::Connection& c) {
    std::size_t done = 0;
    // Each missing part found by its own partial index (migrations/022, 028).
    for (const char* missing : {"tt.search_text IS NULL", "tt.search_facets IS NULL"})
        for (;;) {
            auto r = c.run(std::string(R"sql(
            SELECT tt.id, tt.text, tt.speaker_id, COALESCE(sp.label_key, '') AS label_key,
                   t.edition_id, t.id AS transcript_id, t.room, t.held_on
            FROM transcript_turns tt
            JOIN transcripts t ON t.id = tt.transcript_id
            LEFT JOIN transcript_speakers sp ON sp.id = tt.speaker_id
            WHERE )sql") + missing +
                           " ORDER BY tt.id LIMIT 500");
            if (r.empty()) break;
            auto ids = nlohmann::json::array();
            for (const auto& row : r.rows) {
                transcripts::TurnFacts facts{row.integer("edition_id"),
                                             row.integer("transcript_id"),
                                             std::nullopt,
                                             row.text("label_key"),
                                             row.text("room"),
                                             row.text("held_on")};
                if (row.optional_text("speaker_id")) facts.speaker = row.integer("speaker_id");
                c.run(R"sql(UPDATE transcript_turns
                SET search_text = ?, search_speaker = ?, search_facets = ? WHERE id = ?)sql",
                      {transcripts::search_text(row.text("text")),
                       facts.label.empty() ? db::Value{nullptr}
                                           : db::Value{transcripts::search_speaker(facts.label)},
                       transcripts::search_facets(facts), row.integer("id")});
                ids.push_back(row.integer("id"));
            }
            index_new_turns(c, "id IN (SELECT value FROM json_each(?))", {ids.dump()});
            done += r.rows.size();
        }
    return done;
}

void index_new_turns(db::Connection& c, const std::string& which, std::vector<db::Value> params) {
    if (c.engine() != db::Engine::sqlite) return;
    c.run(
        "INSERT INTO transcript_search (rowid, search_text, search_speaker, search_facets) "
        "SELECT -id, search_text, search_speaker, search_facets FROM transcript_turns WHERE (" +
            which + ") AND search_text IS NOT NULL AND search_facets IS NOT NULL ORDER BY id DESC",
        params);
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

bool has_filters(const TranscriptSearch& s) {
    return s.edition || !s.session_type.empty() || !s.room.empty() ||
           !transcripts::label_key(s.speaker).empty() || s.person || !s.stakeholder_group.empty() ||
           !s.from.empty() || !s.to.empty();
}

// Relevance is ranked among the newest matching turns that pass the filters, at most
// this many: a common word matches hundreds of thousands of turns over 10,000 transcripts,
// and ranking each costs a few microseconds (BM25 reads its length). A rarer word or a
// phrase, with fewer matches, is ranked whole.
constexpr std::int64_t ranked_at_most = 1000;

// The FTS5 expression of the query's words, in the turns' words only (the other columns
// hold speakers' words and facts), and of the filters when they are words.
std::string text_match(const TranscriptSearch& s, const FilterWords& filters) {
    auto out = "{search_text} : " + fts5_match(s.query);
    if (filters.kind == FilterWords::Kind::words) out += " AND " + fts5_filters(filters);
    return out;
}

// How a search reads its matches: the full text alone, or joined to the transcripts and
// speakers for the filters it could not put in words.
struct Plan {
    FilterWords filters;
    bool joined = false;
};

Plan plan_of(db::Connection& c, const TranscriptSearch& s) {
    Plan p;
    if (!has_filters(s)) return p;
    p.filters = filter_words(c, s);
    p.joined = p.filters.kind == FilterWords::Kind::too_many;
    return p;
}

// The SQL of the matching turns that pass the filters, as turn_id (and score when asked),
// with the conditions still open for more ("AND ...").
std::string matching_turns(db::Connection& c, const TranscriptSearch& s, const Plan& plan,
                           const std::string& score, std::vector<db::Value>& params) {
    std::string sql;
    if (c.engine() == db::Engine::sqlite) {
        // Each turn indexed under the negation of its id (migration 031).
        sql = "SELECT -transcript_search.rowid AS turn_id" + score + " FROM transcript_search";
        if (plan.joined) {
            sql += " JOIN transcript_turns tt ON tt.id = -transcript_search.rowid";
            sql += around_turn;
            sql += " AND transcript_search MATCH ?";
        } else {
            sql += " WHERE transcript_search MATCH ?";
        }
        params.emplace_back(text_match(s, plan.filters));
    } else {
        sql = "SELECT tt.id AS turn_id" + score + " FROM transcript_turns tt";
        sql += plan.joined ? around_turn : " WHERE 1 = 1";
        sql += " AND tt.search_vector @@ (" + tsquery_expression(s.query, params) + ")";
        if (plan.filters.kind == FilterWords::Kind::words) {
            sql += " AND tt.search_filter_vector @@ to_tsquery('simple'::regconfig, ?)";
            params.emplace_back(tsquery_filters(plan.filters));
        }
    }
    if (plan.joined) sql += filter_conditions(c, s, params);
    return sql;
}

// The id of the turn stored last (0 when none).
std::int64_t newest_turn(db::Connection& c) {
    return db::scalar(c.run("SELECT COALESCE(MAX(id), 0) FROM transcript_turns"));
}

std::vector<SearchTerm> phrases_of(const SearchQuery& q) {
    std::vector<SearchTerm> out;
    for (const auto& clause : q.all) out.insert(out.end(), clause.any.begin(), clause.any.end());
    out.insert(out.end(), q.none.begin(), q.none.end());
    return out;
}

// weighted_bm25's arguments: how many phrases the query has (FTS5 numbers them as
// fts5_match writes them, before the filters'), then the weight of each: how rare it is
// among the newest turns, an estimate of what bm25() counts over every row. One phrase
// needs none: a weight common to every row changes no order.
std::string phrase_weights(db::Connection& c, const SearchQuery& q,
                           std::vector<db::Value>& params) {
    auto phrases = phrases_of(q);
    std::string out = ", ?";
    params.emplace_back(static_cast<std::int64_t>(phrases.size()));
    if (phrases.size() < 2) return out;
    constexpr std::int64_t sample = 20000;
    auto newest = newest_turn(c);
    std::int64_t after = std::max<std::int64_t>(0, newest - sample);
    double rows = static_cast<double>(newest - after);
    for (const auto& phrase : phrases) {
        auto n = c.run(R"sql(SELECT count(*) AS n FROM transcript_search
            WHERE transcript_search MATCH ? AND rowid < ?)sql",
                       {"{search_text} : " + fts5_phrase(phrase), -after});
        double holding = static_cast<double>(n.rows[0].integer("n"));
        double idf = std::log(1 + (rows - holding + 0.5) / (holding + 0.5));
        out += ", ?";
        params.emplace_back(std::to_string(idf));
    }
    return out;
}

// The ids as a table the engine reads whole from one parameter, "j" of one column "value",
// to read turns from: FROM <this> CROSS JOIN transcript_turns tt ... AND tt.id = j.value.
std::string id_table(db::Connection& c, const std::vector<std::int64_t>& ids,
                     std::vector<db::Value>& params) {
    std::string list;
    for (auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    if (c.engine() == db::Engine::sqlite) {
        params.emplace_back("[" + list + "]");
        return "json_each(?) AS j";
    }
    params.emplace_back("{" + list + "}");
    return "unnest(CAST(? AS bigint[])) AS j(value)";
}

// Ranked by the engine, relevance then the turn stored last: the SQL of `sql`'s turns up to
// the end of the page, and one more to tell whether more follow (the page's offset is
// skipped by the caller, so that every row can say how many matches the query held).
std::string ranked(const std::string& sql, const TranscriptSearch& s,
                   std::vector<db::Value>& params, const char* also = "") {
    params.emplace_back(static_cast<std::int64_t>(s.offset + s.limit + 1));
    return std::string("SELECT turn_id") + also + " FROM (" + sql +
           ") AS ranked ORDER BY score DESC, turn_id DESC LIMIT ?";
}

// The ids of the rows from the page's offset on.
std::vector<std::int64_t> page_of(const db::Result& r, const TranscriptSearch& s) {
    std::vector<std::int64_t> page;
    for (std::size_t i = s.offset; i < r.rows.size(); ++i)
        page.push_back(r.rows[i].integer("turn_id"));
    return page;
}

// SQLite scores only the newest matches that pass the filters, in one newest-first walk
// (forwards in the index: migration 031).
std::vector<std::int64_t> ranked_page_sqlite(db::Connection& c, const TranscriptSearch& s,
                                             const Plan& plan) {
    std::vector<db::Value> params;
    auto score =
        ", weighted_bm25(transcript_search" + phrase_weights(c, s.query, params) + ") AS score";
    auto sql = matching_turns(c, s, plan, score, params);
    sql += " ORDER BY transcript_search.rowid LIMIT ?";  // newest first
    params.emplace_back(ranked_at_most);
    return page_of(c.run(ranked(sql, s, params), params), s);
}

// PostgreSQL finds matches in no order (a GIN index), so the newest are looked for among
// the newest turns, in a window that grows until it holds `ranked_at_most` matches (sized
// from the matches the last one held) or is the whole archive: a common word reads a few
// thousand turns rather than all it is found in. Each query is planned for its values
// (a window's best plan depends on how common the words are), and ordered by "id + 0":
// ordered by the turns' key, PostgreSQL walked it backwards testing each turn's words when
// it guessed a phrase common (1.2 s for "question in the").
std::vector<std::int64_t> ranked_page_postgresql(db::Connection& c, const TranscriptSearch& s,
                                                 const Plan& plan) {
    auto newest = newest_turn(c);
    for (std::int64_t window = 8000;;) {
        std::vector<db::Value> params;
        auto score =
            ", ts_rank(tt.search_vector, " + tsquery_expression(s.query, params) + ") AS score";
        auto sql = matching_turns(c, s, plan, score, params);
        bool whole = window >= newest;
        if (!whole) {
            sql += " AND tt.id > ?";
            params.emplace_back(newest - window);
        }
        sql += " ORDER BY tt.id + 0 DESC LIMIT ?";
        params.emplace_back(ranked_at_most);
        auto r =
            c.run_planned_for_values(ranked(sql, s, params, ", count(*) OVER () AS found"), params);
        auto found = r.empty() ? 0 : r.rows[0].integer("found");
        if (whole || found == ranked_at_most) return page_of(r, s);
        window *=
            found > 0 ? std::clamp<std::int64_t>(1 + 3 * ranked_at_most / (2 * found), 2, 64) : 8;
    }
}

}  // namespace

FoundTurns search_transcript_turns(db::Connection& c, const TranscriptSearch& s) {
    if (s.query.all.empty()) return {};  // nothing to look for (no engine reads an empty query)
    auto plan = plan_of(c, s);
    if (plan.filters.kind == FilterWords::Kind::nothing) return {};
    // Only the newest matches are ranked: nothing stands past them.
    if (s.offset >= static_cast<std::size_t>(ranked_at_most)) return {};
    auto page = c.engine() == db::Engine::sqlite ? ranked_page_sqlite(c, s, plan)
                                                 : ranked_page_postgresql(c, s, plan);
    if (page.empty()) return {};
    std::vector<db::Value> params;
    auto sql = R"sql(
        SELECT tt.id AS turn_id, tt.position, tt.label, tt.text, t.id AS transcript_id,
               t.edition_id, e.name AS edition_name, t.title, t.held_on, t.room,
               COALESCE(s.code, '') AS session_code, COALESCE(s.title, '') AS session_title,
               COALESCE(s.session_type, '') AS session_type,
               COALESCE(p.name, '') AS person_name
        FROM )sql" +
               id_table(c, page, params) + " CROSS JOIN transcript_turns tt";
    sql += around_turn;
    sql += " AND tt.id = j.value";
    auto r = c.run(sql, params);
    std::map<std::int64_t, const db::Row*> row_of;
    for (const auto& row : r.rows) row_of[row.integer("turn_id")] = &row;
    FoundTurns out;
    for (auto id : page) {
        if (out.turns.size() == s.limit) {
            out.more = true;
            break;
        }
        auto at = row_of.find(id);
        if (at == row_of.end()) continue;
        const auto& row = *at->second;
        FoundTurn f;
        f.turn_id = id;
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
