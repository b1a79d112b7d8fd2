// The published programme as files: iCalendar (whole, per room with ?room=<id>, per theme
// with ?theme=<name>), frab's schedule.xml, the c3voc schedule JSON, and the venue team's
// CSV and XLSX; a participant's secret calendar of the sessions they plan to attend and
// those they take part in; and the list of the feeds under /api/v1.
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/programme/agenda.hpp"
#include "store/programme/calendar_feeds.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/venue.hpp"
#include "web/programme/feed_actions.hpp"
#include "web/programme/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/export.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

http::Response feed_file(std::string body, const std::string& type, const std::string& file) {
    auto r = http::Response::text(std::move(body));
    r.content_type = type;
    r.set_header("content-disposition", "inline; filename=\"" + file + "\"");
    r.set_header("cache-control", "no-cache");
    return r;
}

std::string file_name(const store::Edition& e, const std::string& suffix) {
    return "programme-" + to_string(e.id) + suffix;
}

}  // namespace

http::Response programme_ics(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto p = feed_programme(ex, e);
    auto name = say("programme.feed.calendar.whole", {{"edition", e.name}});
    auto suffix = std::string(".ics");
    if (auto room = ex.request.query_param("room"); !room.empty()) {
        const programme::FeedRoom* found = nullptr;
        for (const auto& r : p.rooms)
            if (to_string(r.id) == room) found = &r;
        if (!found) throw http::not_found(say("programme.feed.no_such_room"));
        name = say("programme.feed.calendar.room", {{"edition", e.name}, {"room", found->name}});
        auto id = found->id;
        p = programme::only(std::move(p), [&](const auto& s) { return s.room == id; });
        suffix = "-room-" + to_string(id) + ".ics";
    }
    if (auto theme = ex.request.query_param("theme"); !theme.empty()) {
        bool known = false;
        for (const auto& t : store::list_themes(ex.db(), e.id)) known = known || t.name == theme;
        if (!known) throw http::not_found(say("programme.feed.no_such_theme"));
        name = say("programme.feed.calendar.theme", {{"edition", e.name}, {"theme", theme}});
        p = programme::only(std::move(p), [&](const auto& s) { return s.theme == theme; });
        suffix = "-theme.ics";
    }
    auto body = programme::icalendar({name, feed_host(ex), ex.now()}, {p});
    return feed_file(std::move(body), "text/calendar; charset=utf-8", file_name(e, suffix));
}

http::Response programme_schedule_xml(Exchange& ex) {
    auto e = edition_in_path(ex);
    return feed_file(programme::schedule_xml(feed_programme(ex, e), feed_host(ex)),
                     "application/xml; charset=utf-8", "schedule-" + to_string(e.id) + ".xml");
}

http::Response programme_schedule_json(Exchange& ex) {
    auto e = edition_in_path(ex);
    return feed_file(programme::schedule_json(feed_programme(ex, e), feed_host(ex)),
                     "application/json; charset=utf-8", "schedule-" + to_string(e.id) + ".json");
}

http::Response programme_csv(Exchange& ex) {
    auto e = edition_in_path(ex);
    return csv_download(programme::venue_sheet(feed_programme(ex, e)), file_name(e, ""));
}

http::Response programme_xlsx(Exchange& ex) {
    auto e = edition_in_path(ex);
    return xlsx_download(programme::venue_sheet(feed_programme(ex, e)), file_name(e, ""),
                         say("programme.feed.sheet.name"));
}

http::Response personal_ics(Exchange& ex) {
    // "/calendar/<64 hex>.ics": anything else, or a token no address has, is not found.
    const auto& feed = ex.params.text("feed");
    auto token = feed.size() == 68 && feed.ends_with(".ics") ? feed.substr(0, 64) : std::string();
    if (token.empty() || token.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw http::not_found(say("programme.feed.no_such_calendar"));
    auto account_id = store::calendar_feed_account(ex.db(), token_hash(token));
    std::optional<store::Account> account;
    if (account_id) account = store::find_account(ex.db(), *account_id);
    if (!account) throw http::not_found(say("programme.feed.no_such_calendar"));
    std::vector<programme::PublishedProgramme> parts;
    for (auto edition_id : store::calendar_editions(ex.db(), account->id)) {
        auto e = store::find_edition(ex.db(), edition_id);
        if (!e) continue;
        std::set<SessionId> keep;
        for (const auto& own : store::own_sessions(ex.db(), account->id, e->id))
            keep.insert(own.first);
        for (auto id : store::attending(ex.db(), account->id, e->id)) keep.insert(id);
        parts.push_back(programme::only(feed_programme(ex, *e),
                                        [&](const auto& s) { return keep.contains(s.id); }));
    }
    auto body =
        programme::icalendar({say("programme.feed.calendar.personal", {{"name", account->name}}),
                              feed_host(ex), ex.now()},
                             parts);
    auto r = feed_file(std::move(body), "text/calendar; charset=utf-8", "my-sessions.ics");
    r.set_header("cache-control", "private, no-store");
    r.set_header("x-robots-tag", "noindex");
    r.set_header("referrer-policy", "no-referrer");
    return r;
}

http::Response api_programme_feeds(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto base = feed_base(ex) + edition_url(e);
    nlohmann::json rooms = nlohmann::json::array(), themes = nlohmann::json::array();
    for (const auto& r : store::venue_rooms(ex.db(), e.id))
        rooms.push_back({{"room", r.id},
                         {"name", r.room.name},
                         {"icalendar", base + "/programme.ics?room=" + to_string(r.id)}});
    for (const auto& t : store::list_themes(ex.db(), e.id))
        themes.push_back(
            {{"theme", t.name},
             {"icalendar", base + "/programme.ics?theme=" + http::percent_encode(t.name)}});
    return http::Response::json({{"icalendar", base + "/programme.ics"},
                                 {"icalendar_by_room", rooms},
                                 {"icalendar_by_theme", themes},
                                 {"schedule_xml", base + "/schedule.xml"},
                                 {"schedule_json", base + "/schedule.json"},
                                 {"csv", base + "/programme.csv"},
                                 {"xlsx", base + "/programme.xlsx"},
                                 {"personal", base + "/agenda/calendar"}});
}

}  // namespace convene::web
