// One account over the API, for the Secretariat: read it with its history of blocks,
// block it and unblock it, each with {"reason": "..."}.
#include "http/form.hpp"
#include "web/accounts/block_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_account_show(Exchange& ex) {
    return http::Response::json(account_record_json(ex, account_in_path(ex).id));
}

http::Response api_account_block(Exchange& ex) {
    auto account = account_in_path(ex);
    block(ex, account, reason_in_body(http::parse_json_body(ex.request)));
    return http::Response::json(account_record_json(ex, account.id));
}

http::Response api_account_unblock(Exchange& ex) {
    auto account = account_in_path(ex);
    unblock(ex, account, reason_in_body(http::parse_json_body(ex.request)));
    return http::Response::json(account_record_json(ex, account.id));
}

}  // namespace convene::web
