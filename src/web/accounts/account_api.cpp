// The account's settings over the API: password change, API tokens.
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/account_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_password_change(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    auto text = [&](const char* name) {
        if (!body.is_object() || !body.contains(name) || !body[name].is_string())
            throw http::unprocessable({{name, say("json.member_not_a_text", {{"name", name}})}});
        return body[name].get<std::string>();
    };
    auto current = text("current_password");
    change_password(ex, current, text("new_password"));
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
}

http::Response api_tokens_list(Exchange& ex) {
    const auto& account = ex.require_sign_in();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : store::api_tokens_of(ex.db(), account.id)) out.push_back(token_view(t));
    return http::Response::json({{"tokens", out}});
}

http::Response api_token_create(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object())
        throw http::unprocessable({{"label", say("accounts.send_label_and_expires_in_days")}});
    std::string label, days;
    if (body.contains("label")) {
        if (!body["label"].is_string())
            throw http::unprocessable({{"label", say("accounts.label_must_be_a_text")}});
        label = body["label"].get<std::string>();
    }
    if (body.contains("expires_in_days") && !body["expires_in_days"].is_null()) {
        if (!body["expires_in_days"].is_number_integer())
            throw http::unprocessable(
                {{"expires_in_days", say("accounts.expires_in_days_must_be_a")}});
        days = std::to_string(body["expires_in_days"].get<long long>());
    }
    std::string password;
    if (body.contains("password") && body["password"].is_string())
        password = body["password"].get<std::string>();
    auto made = create_token(ex, label, days, password, "password");
    auto out = token_view(made.listed);
    out["token"] = made.token;
    return http::Response::json(out, 201);
}

http::Response api_token_revoke(Exchange& ex) {
    revoke_token(ex, ex.params.text("token"));
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
}

}  // namespace convene::web
