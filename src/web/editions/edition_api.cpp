// Editions and their themes over the API.
#include "http/error.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/submissions.hpp"
#include "web/editions/edition_actions.hpp"
#include "web/editions/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response api_edition_list(Exchange& ex) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : store::list_editions(ex.db())) out.push_back(edition_view(e));
    return http::Response::json({{"editions", out}});
}

http::Response api_edition_create(Exchange& ex) {
    auto id = create_edition(ex, edition_draft(ex.form()));
    auto r = http::Response::json(edition_view(*store::find_edition(ex.db(), id)), 201);
    r.set_header("location", "/api/v1/editions/" + to_string(id));
    return r;
}

http::Response api_edition_show(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto out = edition_view(e);
    out["themes"] = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), e.id)) out["themes"].push_back(theme_view(t));
    out["rooms"] = nlohmann::json::array();
    for (const auto& r : store::list_rooms(ex.db(), e.id)) out["rooms"].push_back(room_view(r));
    out["session_types"] = nlohmann::json::array();
    for (const auto& t : store::list_session_types(ex.db(), e.id))
        out["session_types"].push_back(
            {{"code", t.code}, {"name", t.name}, {"durations", t.durations}});
    auto counts = store::count_edition(ex.db(), e.id);
    out["proposal_count"] = counts.proposals;
    return http::Response::json(out);
}

http::Response api_theme_list(Exchange& ex) {
    auto e = edition_in_path(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), e.id)) out.push_back(theme_view(t));
    return http::Response::json({{"themes", out}});
}

http::Response api_theme_create(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto draft = theme_draft(ex.form());
    auto id = create_theme(ex, e, draft);
    return http::Response::json(
        {{"id", id}, {"name", draft.name}, {"description", draft.description}}, 201);
}

}  // namespace convene::web
