#include "store/messages/messages.hpp"

#include <nlohmann/json.hpp>

namespace convene::store {

namespace {

std::string positions_json(const std::vector<messages::Position>& ps) {
    auto j = nlohmann::json::array();
    for (const auto& p : ps) j.push_back({{"text", p.text}, {"groups", p.groups}});
    return j.dump();
}

std::vector<messages::Position> positions_in(const std::string& text) {
    std::vector<messages::Position> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& p : j) {
        messages::Position one;
        one.text = p.value("text", std::string());
        if (p.contains("groups") && p["groups"].is_array())
            for (const auto& g : p["groups"])
                if (g.is_string()) one.groups.push_back(g.get<std::string>());
        out.push_back(std::move(one));
    }
    return out;
}

std::string citations_json(const std::vector<messages::Citation>& cs) {
    auto j = nlohmann::json::array();
    for (const auto& c : cs) j.push_back({{"session", c.session.value()}, {"quote", c.quote}});
    return j.dump();
}

std::vector<messages::Citation> citations_in(const std::string& text) {
    std::vector<messages::Citation> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& c : j)
        if (c.contains("session") && c["session"].is_number_integer())
            out.push_back(
                {SessionId{c["session"].get<std::int64_t>()}, c.value("quote", std::string())});
    return out;
}

void write_citations(db::Connection& c, YearMessageId id, const messages::Draft& d) {
    c.run(R"sql(DELETE FROM message_citations WHERE message_id = ?)sql", {id});
    std::int64_t at = 0;
    for (const auto& cite : d.citations)
        c.run(R"sql(
            INSERT INTO message_citations (message_id, session_id, position, quote)
            VALUES (?, ?, ?, ?)
        )sql",
              {id, cite.session, ++at, cite.quote});
}

void keep_version(db::Connection& c, YearMessageId id, std::int64_t version, std::int64_t based_on,
                  const char* kind, const messages::Draft& d, AccountId author,
                  const std::string& now) {
    c.run(R"sql(
        INSERT INTO message_versions (message_id, version, based_on, kind, title, body, stance,
                                      positions, citations, author_id, saved_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    )sql",
          {id, version, based_on, std::string(kind), d.title, d.body, d.stance,
           positions_json(d.positions), citations_json(d.citations), author, now});
}

std::vector<StoredMessage> messages_where(db::Connection& c, EditionId edition,
                                          std::optional<YearMessageId> only) {
    std::int64_t one = only ? only->value() : 0;
    auto r = c.run(R"sql(
        SELECT m.id, m.edition_id, m.theme_id, t.name AS theme_name, m.title, m.body, m.stance,
               m.positions, m.version, m.created_at, m.updated_at,
               COALESCE(a.name, '') AS created_by, COALESCE(u.name, '') AS updated_by
        FROM year_messages m
        JOIN themes t ON t.id = m.theme_id
        LEFT JOIN accounts a ON a.id = m.created_by
        LEFT JOIN accounts u ON u.id = m.updated_by
        WHERE m.edition_id = ? AND (? = 0 OR m.id = ?)
        ORDER BY t.id, m.id
    )sql",
                   {edition, one, one});
    std::vector<StoredMessage> out;
    std::map<YearMessageId, std::size_t> index;
    for (const auto& row : r.rows) {
        StoredMessage m;
        m.id = row.id<YearMessageId>("id");
        m.edition = row.id<EditionId>("edition_id");
        m.theme = row.id<ThemeId>("theme_id");
        m.theme_name = row.text("theme_name");
        m.draft.title = row.text("title");
        m.draft.body = row.text("body");
        m.draft.stance = row.text("stance");
        m.draft.positions = positions_in(row.text("positions"));
        m.version = row.integer("version");
        m.created_at = row.text("created_at");
        m.updated_at = row.text("updated_at");
        m.created_by = row.text("created_by");
        m.updated_by = row.text("updated_by");
        index[m.id] = out.size();
        out.push_back(std::move(m));
    }
    if (out.empty()) return out;
    auto cites = c.run(R"sql(
        SELECT c.message_id, c.session_id, c.quote, s.code, s.title
        FROM message_citations c
        JOIN year_messages m ON m.id = c.message_id
        JOIN programme_sessions s ON s.id = c.session_id
        WHERE m.edition_id = ? AND (? = 0 OR m.id = ?)
        ORDER BY c.message_id, c.position
    )sql",
                       {edition, one, one});
    for (const auto& row : cites.rows) {
        auto at = index.find(row.id<YearMessageId>("message_id"));
        if (at == index.end()) continue;
        auto& m = out[at->second];
        CitedSession s{row.id<SessionId>("session_id"), row.text("code"), row.text("title"),
                       row.text("quote")};
        m.draft.citations.push_back({s.session, s.quote});
        m.cited.push_back(std::move(s));
    }
    return out;
}

}  // namespace

MessageRound message_round(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(
        SELECT r.comments_open_at, r.comments_close_at, r.published_at, r.refused_comments,
               COALESCE(a.name, '') AS published_by
        FROM message_rounds r
        LEFT JOIN accounts a ON a.id = r.published_by
        WHERE r.edition_id = ?
    )sql",
                   {edition});
    MessageRound out;
    if (r.rows.empty()) return out;
    const auto& row = r.rows.front();
    out.period.opens_at = row.optional_text("comments_open_at").value_or("");
    out.period.closes_at = row.optional_text("comments_close_at").value_or("");
    out.published_at = row.optional_text("published_at").value_or("");
    out.published_by = out.published_at.empty() ? "" : row.text("published_by");
    out.refused_comments = row.integer("refused_comments");
    return out;
}

namespace {
void ensure_round(db::Connection& c, EditionId edition) {
    c.run(R"sql(
        INSERT INTO message_rounds (edition_id) VALUES (?)
        ON CONFLICT (edition_id) DO NOTHING
    )sql",
          {edition});
}
}  // namespace

void set_comment_period(db::Connection& c, EditionId edition, const messages::Period& p) {
    ensure_round(c, edition);
    c.run(R"sql(
        UPDATE message_rounds SET comments_open_at = ?, comments_close_at = ? WHERE edition_id = ?
    )sql",
          {p.opens_at, p.closes_at, edition});
}

bool publish_messages(db::Connection& c, EditionId edition, AccountId by, const std::string& now) {
    ensure_round(c, edition);
    auto r = c.run(R"sql(
        UPDATE message_rounds SET published_at = ?, published_by = ?
        WHERE edition_id = ? AND published_at IS NULL
    )sql",
                   {now, by, edition});
    return r.changed > 0;
}

void count_refused_comment(db::Connection& c, EditionId edition) {
    ensure_round(c, edition);
    c.run(R"sql(
        UPDATE message_rounds SET refused_comments = refused_comments + 1 WHERE edition_id = ?
    )sql",
          {edition});
}

std::vector<StoredMessage> edition_messages(db::Connection& c, EditionId edition) {
    return messages_where(c, edition, std::nullopt);
}

std::optional<StoredMessage> find_message(db::Connection& c, EditionId edition, YearMessageId id) {
    auto found = messages_where(c, edition, id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

YearMessageId add_message(db::Connection& c, EditionId edition, ThemeId theme,
                          const messages::Draft& d, AccountId author, const std::string& now) {
    YearMessageId id{db::scalar(c.run(R"sql(
        INSERT INTO year_messages (edition_id, theme_id, title, body, stance, positions,
                                   created_by, created_at, updated_by, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                                      {edition, theme, d.title, d.body, d.stance,
                                       positions_json(d.positions), author, now, author, now}))};
    write_citations(c, id, d);
    keep_version(c, id, 1, 0, "saved", d, author, now);
    return id;
}

bool save_message(db::Connection& c, YearMessageId id, const messages::Draft& d,
                  std::int64_t expected_version, AccountId author, const std::string& now) {
    auto r = c.run(R"sql(
        UPDATE year_messages
        SET title = ?, body = ?, stance = ?, positions = ?, updated_by = ?, updated_at = ?,
            version = version + 1
        WHERE id = ? AND version = ?
    )sql",
                   {d.title, d.body, d.stance, positions_json(d.positions), author, now, id,
                    expected_version});
    if (r.changed == 0) {
        auto current = c.run(R"sql(SELECT version FROM year_messages WHERE id = ?)sql", {id});
        auto version = current.rows.empty() ? 0 : current.rows.front().integer("version");
        keep_version(c, id, version, expected_version, "stale", d, author, now);
        return false;
    }
    write_citations(c, id, d);
    keep_version(c, id, expected_version + 1, expected_version, "saved", d, author, now);
    return true;
}

std::vector<MessageVersion> message_versions(db::Connection& c, YearMessageId id) {
    auto r = c.run(R"sql(
        SELECT v.version, v.based_on, v.kind, v.title, v.body, v.stance, v.positions,
               v.citations, v.saved_at, COALESCE(a.name, '') AS author
        FROM message_versions v
        LEFT JOIN accounts a ON a.id = v.author_id
        WHERE v.message_id = ?
        ORDER BY v.id DESC
    )sql",
                   {id});
    std::vector<MessageVersion> out;
    for (const auto& row : r.rows) {
        MessageVersion v;
        v.version = row.integer("version");
        v.based_on = row.integer("based_on");
        v.kind = row.text("kind");
        v.draft.title = row.text("title");
        v.draft.body = row.text("body");
        v.draft.stance = row.text("stance");
        v.draft.positions = positions_in(row.text("positions"));
        v.draft.citations = citations_in(row.text("citations"));
        v.saved_at = row.text("saved_at");
        v.author = row.text("author");
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<SessionChoice> citable_sessions(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(
        SELECT id, code, title, theme_id FROM programme_sessions
        WHERE edition_id = ? AND cancelled_at IS NULL
        ORDER BY code
    )sql",
                   {edition});
    std::vector<SessionChoice> out;
    for (const auto& row : r.rows) {
        SessionChoice s{row.id<SessionId>("id"), row.text("code"), row.text("title"), {}};
        if (!row.is_null("theme_id")) s.theme = row.id<ThemeId>("theme_id");
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<CitingMessage> messages_citing(db::Connection& c, SessionId session) {
    auto r = c.run(R"sql(
        SELECT m.id, m.title, m.stance, t.name AS theme_name, c.quote
        FROM message_citations c
        JOIN year_messages m ON m.id = c.message_id
        JOIN themes t ON t.id = m.theme_id
        WHERE c.session_id = ?
        ORDER BY t.id, m.id
    )sql",
                   {session});
    std::vector<CitingMessage> out;
    for (const auto& row : r.rows)
        out.push_back({row.id<YearMessageId>("id"), row.text("title"), row.text("theme_name"),
                       row.text("stance"), row.text("quote")});
    return out;
}

}  // namespace convene::store
