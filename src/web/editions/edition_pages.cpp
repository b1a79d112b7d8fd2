// The pages of editions: the list, one edition, a new edition, its themes.
#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/submissions.hpp"
#include "web/editions/edition_actions.hpp"
#include "web/editions/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response edition_list(Exchange& ex) {
    nlohmann::json view = {{"title", say("page.editions.editions.title")},
                           {"editions", nlohmann::json::array()}};
    for (const auto& e : store::list_editions(ex.db())) view["editions"].push_back(edition_view(e));
    view["has_editions"] = !view["editions"].empty();
    view["can_create"] = policy::may_create_edition(ex.actor());
    return ex.page("editions/editions", view);
}

http::Response edition_new_form(Exchange& ex) {
    return ex.page("editions/edition_new", edition_form_view({}, {}));
}

http::Response edition_create(Exchange& ex) {
    auto draft = edition_draft(ex.form());
    try {
        auto id = create_edition(ex, draft);
        return http::Response::redirect("/editions/" + to_string(id));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return ex.page("editions/edition_new", edition_form_view(draft, e.fields()), 422);
    }
}

http::Response edition_show(Exchange& ex) {
    return edition_page(ex, edition_in_path(ex), {}, {}, 200);
}

http::Response theme_create(Exchange& ex) {
    auto edition = edition_in_path(ex);
    auto draft = theme_draft(ex.form());
    try {
        create_theme(ex, edition, draft);
        return http::Response::redirect("/editions/" + to_string(edition.id) + "#themes");
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        return edition_page(ex, edition, draft, e.fields(), e.status());
    }
}

}  // namespace convene::web
