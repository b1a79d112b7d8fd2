#include "store/live/remote.hpp"

namespace convene::store {

namespace {

OnlineLink link_of(const db::Row& row) {
    OnlineLink l;
    l.url = row.text("url");
    if (!row.is_null("moderator_id")) {
        l.moderator = row.id<AccountId>("moderator_id");
        l.moderator_name = row.text("account_name");
        l.moderator_email = row.text("account_email");
    } else {
        l.moderator_name = row.text("moderator_name");
    }
    return l;
}

constexpr const char* link_columns = R"sql(
    SELECT l.session_id, l.url, l.moderator_id, l.moderator_name,
           a.name AS account_name, a.email AS account_email
    FROM online_links l
    LEFT JOIN accounts a ON a.id = l.moderator_id
)sql";

std::optional<OnlineLink> one_link(db::Connection& c, const char* where, db::Value id) {
    auto r = c.run(std::string(link_columns) + where, {id});
    if (r.rows.empty()) return std::nullopt;
    return link_of(r.rows.front());
}

db::Value moderator_value(const OnlineLink& link) {
    if (link.moderator) return *link.moderator;
    return nullptr;
}

}  // namespace

std::optional<OnlineLink> session_online_link(db::Connection& c, SessionId session) {
    return one_link(c, " WHERE l.session_id = ?", session);
}

std::optional<OnlineLink> room_online_link(db::Connection& c, LiveRoomId room) {
    return one_link(c, " WHERE l.room_id = ?", room);
}

std::map<SessionId, OnlineLink> session_online_links(db::Connection& c, EditionId edition) {
    auto r =
        c.run(std::string(link_columns) + " WHERE l.edition_id = ? AND l.session_id IS NOT NULL",
              {edition});
    std::map<SessionId, OnlineLink> out;
    for (const auto& row : r.rows) out[row.id<SessionId>("session_id")] = link_of(row);
    return out;
}

void save_session_online_link(db::Connection& c, EditionId edition, SessionId session,
                              const OnlineLink& link) {
    c.run(R"sql(
        INSERT INTO online_links (edition_id, session_id, url, moderator_id, moderator_name)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (session_id) DO UPDATE SET url = excluded.url,
            moderator_id = excluded.moderator_id, moderator_name = excluded.moderator_name
    )sql",
          {edition, session, link.url, moderator_value(link), link.moderator_name});
}

void save_room_online_link(db::Connection& c, EditionId edition, LiveRoomId room,
                           const OnlineLink& link) {
    c.run(R"sql(
        INSERT INTO online_links (edition_id, room_id, url, moderator_id, moderator_name)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (room_id) DO UPDATE SET url = excluded.url,
            moderator_id = excluded.moderator_id, moderator_name = excluded.moderator_name
    )sql",
          {edition, room, link.url, moderator_value(link), link.moderator_name});
}

std::string online_links_from(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(SELECT online_links_from FROM editions WHERE id = ?)sql", {edition});
    return r.rows.empty() ? "" : r.rows.front().text("online_links_from");
}

void set_online_links_from(db::Connection& c, EditionId edition, const std::string& from) {
    c.run(R"sql(UPDATE editions SET online_links_from = ? WHERE id = ?)sql", {from, edition});
}

HubId add_hub(db::Connection& c, EditionId edition, AccountId organiser, const live::Hub& hub,
              const std::string& now) {
    return HubId{db::scalar(c.run(R"sql(
        INSERT INTO hubs (edition_id, organiser_id, city, country, host, expected,
                          contact_email, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                                  {edition, organiser, hub.city, hub.country, hub.host,
                                   hub.expected, hub.contact_email, now}))};
}

void save_hub(db::Connection& c, HubId id, const live::Hub& hub) {
    c.run(R"sql(
        UPDATE hubs SET city = ?, country = ?, host = ?, expected = ?, contact_email = ?
        WHERE id = ?
    )sql",
          {hub.city, hub.country, hub.host, hub.expected, hub.contact_email, id});
}

namespace {

std::vector<HubRow> hubs_where(db::Connection& c, EditionId edition, std::int64_t who,
                               std::int64_t only) {
    auto r = c.run(R"sql(
        SELECT h.id, h.edition_id, h.organiser_id, a.name AS organiser_name, h.city, h.country,
               h.host, h.expected, h.contact_email, h.created_at
        FROM hubs h
        JOIN accounts a ON a.id = h.organiser_id
        WHERE h.edition_id = ? AND (? = 0 OR h.organiser_id = ?) AND (? = 0 OR h.id = ?)
        ORDER BY h.city, h.id
    )sql",
                   {edition, who, who, only, only});
    std::vector<HubRow> out;
    for (const auto& row : r.rows) {
        HubRow h;
        h.id = row.id<HubId>("id");
        h.edition = row.id<EditionId>("edition_id");
        h.organiser = row.id<AccountId>("organiser_id");
        h.organiser_name = row.text("organiser_name");
        h.hub = {row.text("city"), row.text("country"), row.text("host"), row.integer("expected"),
                 row.text("contact_email")};
        h.created_at = row.text("created_at");
        out.push_back(std::move(h));
    }
    for (auto& h : out) {
        auto s = c.run(
            R"sql(SELECT session_id FROM hub_sessions WHERE hub_id = ? ORDER BY session_id)sql",
            {h.id});
        for (const auto& row : s.rows) h.sessions.push_back(row.id<SessionId>("session_id"));
    }
    return out;
}

}  // namespace

std::vector<HubRow> hubs(db::Connection& c, EditionId edition, std::optional<AccountId> organiser) {
    return hubs_where(c, edition, organiser ? organiser->value() : 0, 0);
}

std::optional<HubRow> hub(db::Connection& c, EditionId edition, HubId id) {
    auto found = hubs_where(c, edition, 0, id.value());
    if (found.empty()) return std::nullopt;
    return found.front();
}

void set_hub_sessions(db::Connection& c, HubId id, const std::vector<SessionId>& sessions) {
    c.run(R"sql(DELETE FROM hub_sessions WHERE hub_id = ?)sql", {id});
    for (const auto& s : sessions)
        c.run(R"sql(
            INSERT INTO hub_sessions (hub_id, session_id) VALUES (?, ?) ON CONFLICT DO NOTHING
        )sql",
              {id, s});
}

}  // namespace convene::store
