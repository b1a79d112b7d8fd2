#include "store/transcripts/search_filters.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/transcripts/search_facets.hpp"
#include "core/transcripts/search_text.hpp"
#include "core/transcripts/speakers.hpp"

namespace convene::store {

namespace {

// More alternatives than this for one filter make each step of the index's intersection
// slower than reading the turns: the filter is left to the joins.
constexpr std::size_t most_words = 64;

std::string quoted(const std::string& token) {
    std::string out = "\"";
    for (char ch : token) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string any_of(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " OR ") + quoted(t);
    return "{search_facets} : (" + out + ")";
}

std::string json_ids(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return "[" + out + "]";
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
    auto ids = json_ids(people);
    auto labels = c.run(R"sql(
        SELECT DISTINCT l.label_key FROM speaker_links l
        WHERE l.person_id IN (SELECT value FROM json_each(?)) ORDER BY l.label_key
    )sql",
                        {ids});
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
        nlohmann::json list = keys;
        auto elsewhere = c.run(R"sql(
            SELECT 1 AS found FROM transcript_speakers
            WHERE label_key IN (SELECT value FROM json_each(?)) AND person_id IS NOT NULL
              AND person_id NOT IN (SELECT value FROM json_each(?))
            LIMIT 1
        )sql",
                               {list.dump(), ids});
        if (!elsewhere.empty()) return std::nullopt;
    }
    auto speakers = c.run(R"sql(
        SELECT id FROM transcript_speakers WHERE person_id IN (SELECT value FROM json_each(?))
        LIMIT 65
    )sql",
                          {ids});
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

FilterWords filter_words(db::Connection& c, const TranscriptSearch& s) {
    FilterWords out;
    std::vector<std::string> all;
    auto nothing = [] { return FilterWords{FilterWords::Kind::nothing, ""}; };
    auto too_many = [] { return FilterWords{FilterWords::Kind::too_many, ""}; };
    if (s.edition) all.push_back(any_of({"e" + std::to_string(s.edition->value())}));
    if (!s.session_type.empty()) {
        auto t = transcript_tokens(c, R"sql(
            SELECT t.id FROM transcripts t JOIN programme_sessions s ON s.id = t.session_id
            WHERE s.session_type = ? LIMIT 65)sql",
                                   {s.session_type});
        if (!t) return too_many();
        if (t->empty()) return nothing();
        all.push_back(any_of(*t));
    }
    if (!s.room.empty()) {
        // The transcripts that name the room, and those of sessions held there that name
        // another.
        auto t = transcript_tokens(c, R"sql(
            SELECT t.id FROM transcripts t
            JOIN published_placements pp ON pp.session_id = t.session_id
            JOIN rooms r ON r.id = pp.room_id WHERE r.name = ? AND t.room <> ? LIMIT 65)sql",
                                   {s.room, s.room});
        if (!t) return too_many();
        if (auto room = transcripts::room_token(s.room); !room.empty()) t->push_back(room);
        if (t->empty()) return nothing();
        all.push_back(any_of(*t));
    }
    if (auto key = transcripts::label_key(s.speaker); !key.empty()) {
        auto people = person_tokens(c, people_named(c, key));
        if (!people) return too_many();
        std::string either = "{search_speaker} : " + quoted(transcripts::search_text(key));
        if (!people->empty()) either += " OR " + any_of(*people);
        all.push_back("(" + either + ")");
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
        auto known = c.run(R"sql(SELECT COALESCE(MIN(held_on), '') AS first,
            COALESCE(MAX(held_on), '') AS last FROM transcripts WHERE held_on <> '')sql");
        auto first = known.rows[0].text("first"), last = known.rows[0].text("last");
        if (first.empty()) return nothing();
        auto from = s.from.empty() || s.from < first ? first : s.from;
        auto to = s.to.empty() || s.to > last ? last : s.to;
        auto days = transcripts::date_tokens(from, to, most_words);
        if (!days) return too_many();
        if (days->empty()) return nothing();
        all.push_back(any_of(*days));
    }
    if (all.empty()) return out;
    out.kind = FilterWords::Kind::words;
    for (const auto& part : all) out.expression += (out.expression.empty() ? "" : " AND ") + part;
    return out;
}

}  // namespace convene::store
