// Creating an account and verifying its e-mail address. Registration answers the same
// whether or not the address has an account (the mail tells an existing owner instead),
// and an account submits or invites only once its owner followed the link sent to it.
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

http::Response register_form(Exchange& ex) {
    return register_page(ex, {}, safe_next(ex.request.query_param("next")), {}, 200);
}

http::Response register_submit(Exchange& ex) {
    const auto& form = ex.form();
    Registration r{form.get("name"), form.get("email"), form.get("password")};
    auto next = safe_next(form.get("next"));
    try {
        register_account(ex, r, next);
        return ex.page("accounts/register_sent",
                       {{"title", say("page.accounts.check_your_mail.title")},
                        {"email", normal_email(r.email)},
                        {"no_mail_server", !ex.app.config().smtp_configured}});
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return register_page(ex, r, next, e.fields(), e.status());
    }
}

http::Response verification_form(Exchange& ex) {
    auto link = valid_verification(ex);
    return verification_page(ex, link.email, safe_next(ex.request.query_param("next")), {}, 200);
}

http::Response verification_use(Exchange& ex) {
    auto next = safe_next(ex.form().get("next"));
    try {
        verify(ex, ex.form().get("password"));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return verification_page(ex, valid_verification(ex).email, next, e.fields(), 422);
    }
    return http::Response::redirect(next == "/" ? "/proposals?verified=1" : next);
}

}  // namespace convene::web
