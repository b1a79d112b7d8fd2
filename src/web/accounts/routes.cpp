// The addresses of accounts: registration, e-mail confirmation, signing in, the account page, the
// Secretariat's account list, each account's page with its blocks, and the audit log.
#include "web/accounts/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_accounts_routes(App& app) {
    app.route("GET", "/login", policy::Gate::anyone, sign_in_form);
    app.route("POST", "/login", policy::Gate::anyone, sign_in);
    app.route("POST", "/logout", policy::Gate::anyone, sign_out);
    app.route("GET", "/register", policy::Gate::anyone, register_form);
    app.route("POST", "/register", policy::Gate::anyone, register_submit);
    app.route("GET", "/account", policy::Gate::signed_in, account_show);
    app.route("POST", "/account/password", policy::Gate::signed_in, account_password);
    app.route("POST", "/account/tokens", policy::Gate::signed_in, account_token_create);
    app.route("POST", "/account/tokens/{token}/revoke", policy::Gate::signed_in,
              account_token_revoke);
    app.route("GET", "/verify/{token}", policy::Gate::anyone, verification_form);
    app.route("POST", "/verify/{token}", policy::Gate::anyone, verification_use);
    app.route("GET", "/password-reset", policy::Gate::anyone, password_reset_form);
    app.route("POST", "/password-reset", policy::Gate::anyone, password_reset_request);
    app.route("GET", "/password-reset/{token}", policy::Gate::anyone, password_choose_form);
    app.route("POST", "/password-reset/{token}", policy::Gate::anyone, password_choose);
    app.route("GET", "/admin/accounts", policy::Gate::secretariat, account_list);
    app.route("GET", "/admin/accounts/{account:int}", policy::Gate::secretariat, account_record);
    app.route("POST", "/admin/accounts/{account:int}/block", policy::Gate::secretariat,
              account_block);
    app.route("POST", "/admin/accounts/{account:int}/unblock", policy::Gate::secretariat,
              account_unblock);
    app.route("GET", "/admin/audit", policy::Gate::secretariat, audit_log);
    app.route("GET", "/api/v1/session", policy::Gate::anyone, api_session);
    app.route("POST", "/api/v1/session", policy::Gate::anyone, api_sign_in);
    app.route("DELETE", "/api/v1/session", policy::Gate::anyone, api_sign_out);
    app.route("PUT", "/api/v1/me/password", policy::Gate::signed_in, api_password_change);
    app.route("GET", "/api/v1/me/tokens", policy::Gate::signed_in, api_tokens_list);
    app.route("POST", "/api/v1/me/tokens", policy::Gate::signed_in, api_token_create);
    app.route("DELETE", "/api/v1/me/tokens/{token}", policy::Gate::signed_in, api_token_revoke);
    app.route("POST", "/api/v1/registrations", policy::Gate::anyone, api_register);
    app.route("POST", "/api/v1/verifications/{token}", policy::Gate::anyone, api_verification_use);
    app.route("POST", "/api/v1/password-resets", policy::Gate::anyone, api_password_reset_request);
    app.route("POST", "/api/v1/password-resets/{token}", policy::Gate::anyone,
              api_password_reset_use);
    app.route("GET", "/api/v1/accounts", policy::Gate::secretariat, api_account_list);
    app.route("GET", "/api/v1/accounts/{account:int}", policy::Gate::secretariat, api_account_show);
    app.route("POST", "/api/v1/accounts/{account:int}/block", policy::Gate::secretariat,
              api_account_block);
    app.route("POST", "/api/v1/accounts/{account:int}/unblock", policy::Gate::secretariat,
              api_account_unblock);
    app.route("GET", "/api/v1/audit", policy::Gate::secretariat, api_audit_log);
}

}  // namespace convene::web
