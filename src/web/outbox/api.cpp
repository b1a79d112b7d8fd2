// The mail outbox over the API.
#include "http/error.hpp"
#include "store/common/outbox.hpp"
#include "web/outbox/actions.hpp"
#include "web/outbox/handlers.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_outbox(Exchange& ex) {
    auto counts = store::count_outbox(ex.db());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : store::list_outbox(ex.db(), 200)) {
        auto v = message_view(m);
        v["body"] = m.body;
        out.push_back(v);
    }
    return http::Response::json({{"queued", counts.queued},
                                 {"sent", counts.sent},
                                 {"failed", counts.failed},
                                 {"messages", out}});
}

}  // namespace convene::web
