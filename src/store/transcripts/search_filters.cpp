#include "store/transcripts/search_filters.hpp"

#include <optional>

#include "core/transcripts/search_facets.hpp"
#include "core/transcripts/search_text.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::store {

namespace {

// More alternatives than this for one filter make each step of the index's intersection
// slower than reading the turns: the filter is left to the joins.
constexpr std::size_t most_words = 64;

using Group = std::vector<FilterWords::Alternative>;

Group any_of(const std::vector<std::string>& tokens) {
    Group out;
    for (const auto& t : tokens) out.push_back({t, false});
    return out;
}

// "(?, ?, ?)" with the values added to params: a list every engine reads in IN.
template <typename T>
std::string in_list(const std::vector<T>& values, std::vector<db::Value>& params) {
    std::string out;
    for (const auto& v : values) {
        out += out.empty() ? "(?" : ", ?";
        params.emplace_back(v);
    }
    return out.empty() ? "(NULL)" : out + ")";
}

// The transcripts (as t<id> tokens) that one query of transcript ids finds; none when more
// than most_words.
std::optional<std::vector<std::string>> transcript_tokens(db::Connection& c, const char* sql,
                                                          const std::vector<db::Value>& params) {
    auto r = c.run(sql, params);
    if (r.rows.size() > most_words) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back("t" + std::to_string(row.integer("id")));
    return out;
}

// The tokens of the turns spoken by these people: the labels linked to them for every
// transcript (l<label>) and the speakers linked to them in one transcript (s<id>). None
// when too many, or when a label linked to them is linked to someone else in some
// transcript (whose turns the label's token would wrongly bring).
std::optional<std::vector<std::string>> person_tokens(db::Connection& c,
                                                      const std::vector<std::int64_t>& people) {
    std::vector<std::string> out;
    if (people.empty()) return out;
    std::vector<db::Value> params;
    auto labels = c.run("SELECT DISTINCT l.label_key FROM speaker_links l WHERE l.person_id IN " +
                            in_list(people, params) + " ORDER BY l.label_key",
                        params);
    std::vector<std::string> keys;
    for (const auto& row : labels.rows) {
        auto key = row.text("label_key");
        if (transcripts::label_role(key).name.empty()) continue;  // a role is never linked
        if (auto token = transcripts::label_token(key); !token.empty()) {
            keys.push_back(key);
            out.push_back(token);
        }
    }
    if (!keys.empty()) {
        params.clear();
        auto sql = "SELECT 1 AS found FROM transcript_speakers WHERE label_key IN " +
                   in_list(keys, params) + " AND person_id IS NOT NULL";
        sql += " AND person_id NOT IN " + in_list(people, params) + " LIMIT 1";
        if (!c.run(sql, params).empty()) return std::nullopt;
    }
    params.clear();
    auto speakers = c.run("SELECT id FROM transcript_speakers WHERE person_id IN " +
                              in_list(people, params) + " LIMIT 65",
                          params);
    for (const auto& row : speakers.rows) out.push_back("s" + std::to_string(row.integer("id")));
    if (out.size() > most_words) return std::nullopt;
    return out;
}

}  // namespace

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

namespace {

// Whether no other edition has a transcript (each side of the edition read from the index).
bool only_edition_with_transcripts(db::Connection& c, EditionId edition) {
    return c
        .run(R"sql(SELECT 1 AS other WHERE EXISTS (SELECT 1 FROM transcripts WHERE edition_id < ?)
                      OR EXISTS (SELECT 1 FROM transcripts WHERE edition_id > ?))sql",
             {edition, edition})
        .empty();
}

}  // namespace

FilterWords filter_words(db::Connection& c, const TranscriptSearch& s) {
    FilterWords out;
    std::vector<Group> all;
    auto nothing = [] { return FilterWords{FilterWords::Kind::nothing, {}}; };
    auto too_many = [] { return FilterWords{FilterWords::Kind::too_many, {}}; };
    // A filter that leaves no transcript out is not looked for: the index would walk the
    // turns of every transcript alongside the words (an edition that holds the whole
    // archive doubled a search's time).
    if (s.edition && !only_edition_with_transcripts(c, *s.edition))
        all.push_back(any_of({"e" + std::to_string(s.edition->value())}));
    if (!s.session_type.empty()) {
        auto t = transcript_tokens(c, R"sql(
            SELECT t.id FROM programme_sessions s CROSS JOIN transcripts t
            WHERE t.session_id = s.id AND s.session_type = ? LIMIT 65)sql",
                                   {s.session_type});
        if (!t) return too_many();
        if (t->empty()) return nothing();
        all.push_back(any_of(*t));
    }
    if (!s.room.empty()) {
        // The transcripts that name the room, and those of sessions held there that name
        // another.
        // From the rooms (CROSS JOIN keeps SQLite from reading every transcript first).
        auto t = transcript_tokens(c, R"sql(
            SELECT t.id FROM rooms r CROSS JOIN published_placements pp CROSS JOIN transcripts t
            WHERE pp.room_id = r.id AND t.session_id = pp.session_id
              AND r.name = ? AND t.room <> ? LIMIT 65)sql",
                                   {s.room, s.room});
        if (!t) return too_many();
        if (auto room = transcripts::room_token(s.room); !room.empty()) t->push_back(room);
        if (t->empty()) return nothing();
        all.push_back(any_of(*t));
    }
    if (auto key = transcripts::label_key(s.speaker); !key.empty()) {
        auto people = person_tokens(c, people_named(c, key));
        if (!people) return too_many();
        auto either = any_of(*people);
        either.insert(either.begin(), {transcripts::search_speaker(key), true});
        all.push_back(std::move(either));
    }
    if (s.person) {
        auto people = person_tokens(c, {s.person->value()});
        if (!people) return too_many();
        if (people->empty()) return nothing();
        all.push_back(any_of(*people));
    }
    if (!s.stakeholder_group.empty()) {
        auto r = c.run(R"sql(
            SELECT id FROM people WHERE stakeholder_group = ?
              AND (id IN (SELECT person_id FROM speaker_links)
                   OR id IN (SELECT person_id FROM transcript_speakers))
            LIMIT 65)sql",
                       {s.stakeholder_group});
        if (r.rows.size() > most_words) return too_many();
        std::vector<std::int64_t> ids;
        for (const auto& row : r.rows) ids.push_back(row.integer("id"));
        auto people = person_tokens(c, ids);
        if (!people) return too_many();
        if (people->empty()) return nothing();
        all.push_back(any_of(*people));
    }
    if (!s.from.empty() || !s.to.empty()) {
        // The range cut to the dates transcripts have, so that an open end costs nothing.
        // Each end from the index of dates (migrations/030).
        auto end = [&c](const char* order) {
            auto r = c.run(std::string("SELECT held_on FROM transcripts WHERE held_on > '' "
                                       "ORDER BY held_on ") +
                           order + " LIMIT 1");
            return r.empty() ? std::string() : r.rows[0].text("held_on");
        };
        auto first = end("ASC"), last = end("DESC");
        if (first.empty()) return nothing();
        auto from = s.from.empty() || s.from < first ? first : s.from;
        auto to = s.to.empty() || s.to > last ? last : s.to;
        auto every_date = from == first && to == last &&
                          c.run("SELECT 1 FROM transcripts WHERE held_on = '' LIMIT 1").empty();
        if (!every_date) {
            auto days = transcripts::date_tokens(from, to, most_words);
            if (!days) return too_many();
            if (days->empty()) return nothing();
            all.push_back(any_of(*days));
        }
    }
    if (all.empty()) return out;
    out.kind = FilterWords::Kind::words;
    out.all = std::move(all);
    return out;
}

std::string between_quotes(std::string_view text, char quote) {
    std::string out(1, quote);
    for (char ch : text) {
        if (ch == quote || (quote == '\'' && ch == '\\')) out += ch;
        out += ch;
    }
    return out + quote;
}

namespace {

// Each group by `alternative`, "a OR b" in parentheses when more than one, joined by `and`.
std::string joined(const FilterWords& f, const char* or_, const char* and_,
                   std::string (*alternative)(const FilterWords::Alternative&)) {
    std::string out;
    for (const auto& group : f.all) {
        std::string any;
        for (const auto& a : group) any += (any.empty() ? "" : or_) + alternative(a);
        out += (out.empty() ? "" : and_) + (group.size() > 1 ? "(" + any + ")" : any);
    }
    return out;
}

}  // namespace

std::string fts5_filters(const FilterWords& f) {
    return joined(f, " OR ", " AND ", [](const FilterWords::Alternative& a) -> std::string {
        return (a.speaker ? "{search_speaker} : " : "{search_facets} : ") +
               between_quotes(a.words, '"');
    });
}

std::string tsquery_filters(const FilterWords& f) {
    return joined(f, " | ", " & ", [](const FilterWords::Alternative& a) -> std::string {
        return between_quotes(a.words, '\'') + (a.speaker ? ":B" : ":A");
    });
}

}  // namespace convene::store
