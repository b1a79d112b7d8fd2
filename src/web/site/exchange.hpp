#pragma once
// One request being answered: what a handler reads (request, path parameters, form,
// the signed-in account and its roles) and what it may use (the request's database
// connection, inside a write transaction for POST, PUT, PATCH and DELETE).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/accounts/roles.hpp"
#include "core/policy/policy.hpp"
#include "http/form.hpp"
#include "http/router.hpp"
#include "store/accounts/accounts.hpp"
#include "store/editions/editions.hpp"
#include "web/site/app.hpp"

namespace convene::web {

class Exchange {
  public:
    Exchange(App& app, http::Request& request, const http::PathParams& params)
        : app(app), request(request), params(params) {}
    ~Exchange();

    App& app;
    http::Request& request;
    const http::PathParams& params;
    http::Headers response_headers;  // added to whatever response the handler returns

    db::Connection& db();
    bool writing() const { return !request.is_safe_method(); }
    void commit();    // called by App after a successful handler
    void rollback();  // called by App after an error
    // Drops what this request wrote and opens a new write transaction.
    void restart_write();
    // Keep this request's writes even though the answer is an error (failed sign-ins).
    void keep_writes_on_error() { keep_writes_ = true; }
    bool keeps_writes() const { return keep_writes_; }

    const std::optional<store::Account>& account();
    const std::vector<store::RoleGrant>& roles();
    bool via_api_token();
    // The hash of the session token this request signed in with ("" for API tokens).
    const std::string& session_hash() {
        account();
        return session_hash_;
    }
    // Who asks, as the policy (core/policy) sees them.
    const policy::Actor& actor();
    // Goes on when the policy said yes; otherwise 401 when nobody is signed in, else 403
    // saying `why`.
    void require(bool allowed, const std::string& why = "");
    const store::Account& require_sign_in();

    const http::Form& form();
    // Where the request comes from (through a trusted proxy: the address it forwarded for).
    std::string client_address() const;
    // The CSRF token for forms on this page; sets the cookie when the browser has none.
    std::string csrf_token();
    std::string now() const;          // the app's clock, as stored: "2027-06-15T09:30:00Z"
    Clock::time_point clock() const;  // the same instant, to compute with

    // Announces an event to live pages once the request's transaction has committed.
    void publish(const std::string& topic, const nlohmann::json& message) {
        pending_events_.emplace_back(topic, message.dump());
    }
    const std::vector<std::pair<std::string, std::string>>& pending_events() const {
        return pending_events_;
    }

    void audit(const std::string& action, const std::string& subject, const nlohmann::json& detail);

    // A full page: templates/<name>.mustache inside the layout.
    http::Response page(const std::string& name, nlohmann::json view, int status = 200);

  private:
    std::optional<db::Lease> lease_;
    bool in_transaction_ = false, keep_writes_ = false;
    bool account_loaded_ = false, roles_loaded_ = false, token_auth_ = false;
    std::optional<store::Account> account_;
    std::string session_hash_;
    std::vector<store::RoleGrant> roles_;
    std::optional<policy::Actor> actor_;
    std::optional<http::Form> form_;
    std::string new_csrf_;
    std::vector<std::pair<std::string, std::string>> pending_events_;
};

// Session cookie and CSRF names.
inline constexpr const char* csrf_field = "csrf_token";

// The edition named by the {edition} path parameter; 404 when there is none.
store::Edition edition_in_path(Exchange& ex);
// The same, for the Secretariat of that edition only (policy::may_manage_edition;
// 401/403 otherwise).
store::Edition managed_edition(Exchange& ex);

// Raises the first field error as 422 (used by API handlers and form handlers alike).
void throw_if_invalid(const FieldErrors& errors);

// Helpers for building views of forms: each field knows its value and its error.
nlohmann::json field_view(const std::string& name, const std::string& label,
                          const std::string& value, const FieldErrors& errors,
                          const std::string& type = "text", bool required = false,
                          const std::string& hint = "");
nlohmann::json error_summary(const FieldErrors& errors);
// A whole number typed in a form's box (at most six digits); `fallback` when the box is
// empty, and also, with an error naming `field`, when it holds anything else.
int typed_whole_number(const std::string& typed, const std::string& field, int fallback,
                       FieldErrors& errors);
// Errors as a form names its fields: "windows[1]" belongs to the windows box.
FieldErrors form_field_errors(FieldErrors errors);

}  // namespace convene::web
