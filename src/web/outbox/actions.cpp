// The outbox's messages as the page and the API show them.
#include "web/outbox/actions.hpp"

#include "http/error.hpp"
#include "store/common/outbox.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

nlohmann::json message_view(const store::OutboxMessage& m) {
    return {{"id", m.id},
            {"created_at", m.created_at},
            {"kind", m.kind},
            {"recipient", m.recipient},
            {"subject", m.subject},
            {"status", m.status},
            {"attempts", m.attempts},
            {"next_attempt_at", m.status == "queued" ? m.next_attempt_at : ""},
            {"last_error", m.last_error},
            {"sent_at", m.sent_at},
            {"can_retry", m.status != "sent"}};
}

}  // namespace convene::web
