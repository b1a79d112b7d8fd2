#pragma once
// The outbox's messages as the page and the API show them.
#include "http/error.hpp"
#include "store/common/outbox.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

nlohmann::json message_view(const store::OutboxMessage& m);

}  // namespace convene::web
