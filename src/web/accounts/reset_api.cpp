// Password reset over the API: the same answer whether or not the address has an account.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/reset_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::string text_member(const nlohmann::json& body, const char* name, const std::string& help) {
    if (!body.is_object() || !body.contains(name) || !body[name].is_string())
        throw http::unprocessable({{name, say(help)}});
    return body[name].get<std::string>();
}

}  // namespace

http::Response api_password_reset_request(Exchange& ex) {
    auto email =
        text_member(http::parse_json_body(ex.request), "email", "accounts.reset.send_email");
    request_password_reset(ex, email);
    return http::Response::json(
        {{"status", "sent"},
         {"detail", say("accounts.reset.sent", {{"email", normal_email(email)}})}},
        202);
}

http::Response api_password_reset_use(Exchange& ex) {
    auto password =
        text_member(http::parse_json_body(ex.request), "password", "accounts.reset.send_password");
    reset_password(ex, password);
    return http::Response::json({{"status", "changed"}, {"detail", say("accounts.reset.done")}});
}

}  // namespace convene::web
