// A participant's personal calendar: the page that makes the secret address (shown once,
// since only its hash is kept; a new one replaces the old), and the same under /api/v1.
#include "core/common/messages.hpp"
#include "store/programme/calendar_feeds.hpp"
#include "web/programme/feed_actions.hpp"
#include "web/programme/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// "webcal://host/calendar/....ics": calendars subscribe to it rather than import it once.
std::string webcal(const std::string& address) {
    auto scheme = address.find("://");
    return scheme == std::string::npos ? address : "webcal" + address.substr(scheme);
}

http::Response calendar_with(Exchange& ex, const store::Edition& e, const std::string& address) {
    const auto& account = ex.require_sign_in();
    auto created = store::calendar_feed_created(ex.db(), account.id);
    nlohmann::json view = {{"title", say("page.programme.calendar.title")},
                           {"edition", edition_view(e)},
                           {"has_address", created.has_value()},
                           {"shown", !address.empty()},
                           {"address", address},
                           {"webcal", address.empty() ? "" : webcal(address)}};
    if (created) view["created"] = time_view(*created, e.time_zone);
    auto r = ex.page("programme/calendar", view);
    if (!address.empty()) r.set_header("cache-control", "no-store");
    return r;
}

}  // namespace

http::Response calendar_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    return calendar_with(ex, e, "");
}

http::Response calendar_create(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto address = new_calendar_address(ex);
    return calendar_with(ex, e, address);
}

http::Response api_calendar_create(Exchange& ex) {
    edition_in_path(ex);
    auto address = new_calendar_address(ex);
    auto r = http::Response::json({{"url", address}, {"webcal", webcal(address)}}, 201);
    r.set_header("cache-control", "no-store");
    return r;
}

}  // namespace convene::web
