// The mail outbox for the Secretariat: what waits, what went, what failed and why.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/common/outbox.hpp"
#include "web/outbox/actions.hpp"
#include "web/outbox/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response outbox_page(Exchange& ex) {
    auto counts = store::count_outbox(ex.db());
    nlohmann::json view = {{"title", say("page.outbox.mail_outbox.title")},
                           {"queued", counts.queued},
                           {"sent", counts.sent},
                           {"failed", counts.failed},
                           {"smtp_missing", !ex.app.config().smtp_configured},
                           {"messages", nlohmann::json::array()}};
    // The text of each message too: without a mail server (a demo), the Secretariat
    // reads the links people wait for here.
    for (const auto& m : store::list_outbox(ex.db(), 200)) {
        auto v = message_view(m);
        v["body"] = m.body;
        v["created"] = time_view(m.created_at);
        v["sent_time"] = m.status == "sent" ? time_view(m.sent_at) : nullptr;
        v["next_attempt"] = m.status == "queued" ? time_view(m.next_attempt_at) : nullptr;
        v["status_label"] = code_label("outbox.status.", m.status);
        view["messages"].push_back(v);
    }
    view["has_messages"] = !view["messages"].empty();
    return ex.page("outbox/outbox", view);
}

http::Response outbox_retry(Exchange& ex) {
    auto id = ex.params.id<MessageId>("message");
    if (!store::retry_mail_now(ex.db(), id, ex.now()))
        throw http::not_found(say("outbox.there_is_no_unsent_message_with"));
    ex.audit("outbox.retry", "message " + to_string(id), nlohmann::json::object());
    if (http::wants_json(ex.request)) return http::Response::json({{"queued", id}});
    return http::Response::redirect("/admin/outbox");
}

}  // namespace convene::web
