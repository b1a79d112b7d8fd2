// The public results and transparency pages, and publishing them.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/results/actions.hpp"
#include "web/results/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

http::Response results_publish_post(Exchange& ex) {
    auto e = managed_edition(ex);
    publish_results(ex, e, ex.form().get("action") != "withdraw");
    return http::Response::redirect(edition_url(e, "/decisions") + "#publish");
}

http::Response results_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto view = results_view(ex, e);
    view["title"] = say("page.results.title", {{"edition", e.name}});
    view["published"] = time_view(view["published_at"].get<std::string>(), e.time_zone);
    view["edition"] = edition_view(e);
    view["url"] = "/editions/" + to_string(e.id);
    return ex.page("results/results", view);
}

http::Response transparency_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto view = transparency_view(ex, e);
    view["title"] = say("page.results.transparency.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["url"] = "/editions/" + to_string(e.id);
    return ex.page("results/transparency", view);
}

}  // namespace convene::web
