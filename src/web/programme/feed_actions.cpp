#include "web/programme/feed_actions.hpp"

#include "security/secrets.hpp"
#include "store/programme/calendar_feeds.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

std::string feed_base(Exchange& ex) {
    auto base = ex.app.config().base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

std::string feed_host(Exchange& ex) {
    auto base = feed_base(ex);
    if (auto scheme = base.find("://"); scheme != std::string::npos) base = base.substr(scheme + 3);
    return base.substr(0, base.find('/'));
}

programme::PublishedProgramme feed_programme(Exchange& ex, const store::Edition& e) {
    std::map<std::string, std::string> type_names;
    for (const auto& t : store::list_session_types(ex.db(), e.id)) type_names[t.code] = t.name;
    auto p = programme::published_programme(store::load_programme(ex.db(), e.id), type_names);
    auto base = feed_base(ex);
    p.edition = e.id;
    p.name = e.name;
    p.venue = e.venue;
    p.first_day = e.start_date;
    p.last_day = e.end_date;
    p.base_url = base;
    p.url = base + edition_url(e, "/programme");
    auto versions = store::timetable_versions(ex.db(), e.id);
    if (!versions.empty()) p.version = std::to_string(versions.front().number);
    for (auto& s : p.sessions) s.url = base + edition_url(e, "/programme/" + s.code);
    return p;
}

std::string new_calendar_address(Exchange& ex) {
    const auto& account = ex.require_sign_in();
    auto token = random_token();
    store::replace_calendar_feed(ex.db(), account.id, token_hash(token), ex.now());
    ex.audit("calendar.address.new", "account " + to_string(account.id), nlohmann::json::object());
    return feed_base(ex) + "/calendar/" + token + ".ics";
}

}  // namespace convene::web
