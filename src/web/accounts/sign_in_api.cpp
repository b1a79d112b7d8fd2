// Signing in and out over the API: a session cookie, the same throttles as the page.
#include <algorithm>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/handlers.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/accounts/sign_in_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_session(Exchange& ex) {
    nlohmann::json out = {{"signed_in", ex.account().has_value()}, {"csrf_token", ex.csrf_token()}};
    if (ex.account())
        out["account"] = {{"id", ex.account()->id},
                          {"email", ex.account()->email},
                          {"name", ex.account()->name},
                          {"email_verified", ex.account()->email_verified}};
    return http::Response::json(out);
}

http::Response api_sign_in(Exchange& ex) {
    const auto& form = ex.form();
    auto account = attempt_sign_in(ex, form.get("email"), form.get("password"));
    if (!account)
        throw http::Error(401, say("accounts.sign_in_failed"),
                          say("accounts.the_e_mail_address_or_the"));
    start_session(ex, *account);
    return http::Response::json(
        {{"signed_in", true},
         {"account", {{"id", account->id}, {"email", account->email}, {"name", account->name}}}});
}

http::Response api_sign_out(Exchange& ex) {
    end_session(ex);
    http::Response r;
    r.status = 204;
    r.content_type = "application/json";
    return r;
}

}  // namespace convene::web
