// Registration and address confirmation over the API (same answers as the pages).
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/outbox.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/registration_actions.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

http::Response api_register(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object())
        throw http::unprocessable({{"email", say("accounts.send_name_email_and_password")}});
    FieldErrors errors;
    auto text = [&](const char* name) {
        if (!body.contains(name)) return std::string{};
        if (!body[name].is_string()) {
            errors.push_back({name, say("json.member_not_a_text", {{"name", name}})});
            return std::string{};
        }
        return body[name].get<std::string>();
    };
    Registration r{text("name"), text("email"), text("password")};
    throw_if_invalid(errors);
    register_account(ex, r, "/");
    return http::Response::json(
        {{"status", "pending"},
         {"detail", say("accounts.registration.pending", {{"email", normal_email(r.email)}})}},
        202);
}

http::Response api_verification_use(Exchange& ex) {
    bool want_token = false;
    std::string password;
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("password") || !body["password"].is_string())
        throw http::unprocessable(
            {{"password", say("accounts.send_the_password_chosen_when_the")}});
    password = body["password"].get<std::string>();
    if (body.contains("api_token")) {
        if (!body["api_token"].is_boolean())
            throw http::unprocessable({{"api_token", say("accounts.api_token_must_be_true_or")}});
        want_token = body["api_token"].get<bool>();
    }
    auto account = verify(ex, password);
    nlohmann::json out = {{"id", account.id},
                          {"email", account.email},
                          {"name", account.name},
                          {"email_verified", true}};
    // A script (or the benchmark) may ask for an API token along with the confirmation.
    if (want_token) {
        auto token = random_token();
        store::create_api_token(ex.db(), token_hash(token), account.id, "registration", ex.now());
        out["api_token"] = token;
    }
    return http::Response::json(out);
}

}  // namespace convene::web
