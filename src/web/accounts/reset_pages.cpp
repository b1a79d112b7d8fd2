// "Forgot your password?": asking for a link by mail, then choosing a new password with
// it. The answer to the request is the same whether or not the address has an account.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/reset_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

http::Response request_page(Exchange& ex, const std::string& email, const FieldErrors& errors,
                            int status) {
    nlohmann::json view = {
        {"title", say("page.accounts.forgot_password.title")},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"fields", {field_view("email", "E-mail", email, errors, "email", true)}}};
    view["fields"][0]["autocomplete"] = "email";
    return ex.page("accounts/password_reset", view, status);
}

http::Response choose_page(Exchange& ex, const FieldErrors& errors, int status) {
    nlohmann::json view = {
        {"title", say("page.accounts.choose_password.title")},
        {"token", ex.params.text("token")},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"fields",
         {field_view("password", say("accounts.new_password"), "", errors, "password", true,
                     say("accounts.at_least_10_characters_a_few"))}}};
    view["fields"][0]["autocomplete"] = "new-password";
    return ex.page("accounts/password_choose", view, status);
}

}  // namespace

http::Response password_reset_form(Exchange& ex) {
    return request_page(ex, "", {}, 200);
}

http::Response password_reset_request(Exchange& ex) {
    auto email = ex.form().get("email");
    try {
        request_password_reset(ex, email);
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return request_page(ex, email, e.fields(), 422);
    }
    return ex.page("accounts/password_reset_sent",
                   {{"title", say("page.accounts.check_your_mail.title")},
                    {"sentence", say("accounts.reset.sent", {{"email", normal_email(email)}})}},
                   202);
}

http::Response password_choose_form(Exchange& ex) {
    valid_password_reset(ex);
    return choose_page(ex, {}, 200);
}

http::Response password_choose(Exchange& ex) {
    try {
        reset_password(ex, ex.form().get("password"));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return choose_page(ex, e.fields(), 422);
    }
    return ex.page("accounts/password_changed",
                   {{"title", say("page.accounts.password_changed.title")}});
}

}  // namespace convene::web
