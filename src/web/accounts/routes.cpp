// The addresses of accounts: registration, e-mail confirmation, signing in, the account page, the
// Secretariat's account list and audit log.
#include "web/accounts/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_accounts_routes(App& app) {
    app.route("GET", "/login", sign_in_form);
    app.route("POST", "/login", sign_in);
    app.route("POST", "/logout", sign_out);
    app.route("GET", "/register", register_form);
    app.route("POST", "/register", register_submit);
    app.route("GET", "/account", account_show);
    app.route("POST", "/account/password", account_password);
    app.route("POST", "/account/tokens", account_token_create);
    app.route("POST", "/account/tokens/{token}/revoke", account_token_revoke);
    app.route("GET", "/verify/{token}", verification_form);
    app.route("POST", "/verify/{token}", verification_use);
    app.route("GET", "/admin/accounts", account_list);
    app.route("GET", "/admin/audit", audit_log);
    app.route("GET", "/api/v1/session", api_session);
    app.route("POST", "/api/v1/session", api_sign_in);
    app.route("DELETE", "/api/v1/session", api_sign_out);
    app.route("PUT", "/api/v1/me/password", api_password_change);
    app.route("GET", "/api/v1/me/tokens", api_tokens_list);
    app.route("POST", "/api/v1/me/tokens", api_token_create);
    app.route("DELETE", "/api/v1/me/tokens/{token}", api_token_revoke);
    app.route("POST", "/api/v1/registrations", api_register);
    app.route("POST", "/api/v1/verifications/{token}", api_verification_use);
    app.route("GET", "/api/v1/accounts", api_account_list);
    app.route("GET", "/api/v1/audit", api_audit_log);
}

}  // namespace convene::web
