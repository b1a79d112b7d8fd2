// The public results and the transparency report over the API, and publishing them.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/results/actions.hpp"
#include "web/results/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

http::Response api_results_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("published") || !body["published"].is_boolean())
        throw http::unprocessable({{"published", say("results.publish.invalid")}});
    publish_results(ex, e, body["published"].get<bool>());
    return http::Response::json({{"published_at", store::results_published_at(ex.db(), e.id)}});
}

http::Response api_results(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(results_view(ex, e));
}

http::Response api_transparency(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(transparency_view(ex, e));
}

}  // namespace convene::web
