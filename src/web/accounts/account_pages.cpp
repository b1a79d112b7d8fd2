// The signed-in account's own page: its address (with a new confirmation link while it
// is unconfirmed), a password change that ends every other session, and API tokens
// that are named, may expire, and can be revoked.
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/account_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response account_show(Exchange& ex) {
    nlohmann::json extra = {{"password_changed", ex.request.query_param("password") == "changed"}};
    return account_page(ex, {}, extra, 200);
}

http::Response account_password(Exchange& ex) {
    try {
        change_password(ex, ex.form().get("current_password"), ex.form().get("new_password"));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return account_page(ex, e.fields(), nlohmann::json::object(), 422);
    }
    return http::Response::redirect("/account?password=changed");
}

http::Response account_token_create(Exchange& ex) {
    try {
        auto made = create_token(ex, ex.form().get("label"), ex.form().get("expires_in_days"),
                                 ex.form().get("token_password"), "token_password");
        return account_page(
            ex, {}, {{"new_token", made.token}, {"new_token_label", made.listed.label}}, 201);
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return account_page(ex, e.fields(), nlohmann::json::object(), 422);
    }
}

http::Response account_token_revoke(Exchange& ex) {
    revoke_token(ex, ex.params.text("token"));
    return http::Response::redirect("/account");
}

}  // namespace convene::web
