// The figures of an edition's live rooms, for its Secretariat and its MAG: people who
// spoke, turns and speaking time by stakeholder group, gender and where they spoke from,
// in all and room by room, as bar charts with their tables (the page) and as JSON (the
// API). They are read from the turns' rows (store/live/turns).
#include <map>

#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"
#include "store/live/turns.hpp"
#include "store/programme/sessions.hpp"
#include "web/live/figures_view.hpp"
#include "web/live/handlers.hpp"
#include "web/live/remote_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

store::Edition readable_edition(Exchange& ex) {
    auto e = edition_in_path(ex);
    ex.require(policy::may_read_turn_figures(ex.actor(), e.id), say("live.figures.who_may"));
    return e;
}

}  // namespace

http::Response live_figures_page(Exchange& ex) {
    auto e = readable_edition(ex);
    auto figures = store::edition_turn_figures(ex.db(), e.id);
    auto codes = session_codes(ex, e);
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : figures.rooms) {
        nlohmann::json room = {
            {"id", "room-" + to_string(r.room)},
            {"title", r.title},
            {"url", edition_url(e, "/live-rooms/" + to_string(r.room))},
            {"figures", turn_figures_view(r.figures, "room-" + to_string(r.room))}};
        if (r.session && codes.count(*r.session))
            room["programme_url"] = edition_url(e, "/programme/" + codes[*r.session]);
        rooms.push_back(std::move(room));
    }
    nlohmann::json view = {
        {"title", say("page.live.figures.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"all", turn_figures_view(figures.all, "all")},
        {"empty", figures.all.all.turns == 0},
        {"rooms", rooms},
        {"has_rooms", !rooms.empty()},
        {"rooms_url",
         policy::may_manage_edition(ex.actor(), e.id) ? edition_url(e, "/live-rooms") : ""}};
    return ex.page("live/figures", view);
}

http::Response api_live_figures(Exchange& ex) {
    auto e = readable_edition(ex);
    auto figures = store::edition_turn_figures(ex.db(), e.id);
    auto codes = session_codes(ex, e);
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : figures.rooms) {
        nlohmann::json room = {{"id", r.room},
                               {"title", r.title},
                               {"session", nullptr},
                               {"session_code", nullptr},
                               {"figures", turn_figures_json(r.figures)}};
        if (r.session) room["session"] = *r.session;
        if (r.session && codes.count(*r.session)) room["session_code"] = codes[*r.session];
        rooms.push_back(std::move(room));
    }
    return http::Response::json({{"edition", e.id},
                                 {"empty", figures.all.all.turns == 0},
                                 {"all", turn_figures_json(figures.all)},
                                 {"rooms", rooms}});
}

}  // namespace convene::web
