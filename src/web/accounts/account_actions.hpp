#pragma once
// The account's own settings (password, API tokens), shared by the account page and the API.
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

struct NewToken {
    std::string token;
    store::ApiToken listed;
};

nlohmann::json token_view(const store::ApiToken& t);

// The account's password typed again; wrong ones are counted, five in 15 minutes make
// the account wait, so a stolen session cannot guess it.
bool right_password(Exchange& ex, const store::Account& account, const std::string& typed);

// Checks the current password and the new one; sets it and ends the other sessions.
void change_password(Exchange& ex, const std::string& current, const std::string& chosen);

// Only a person signed in (no token makes tokens) who types the password again.
NewToken create_token(Exchange& ex, const std::string& label, const std::string& days,
                      const std::string& password, const std::string& password_field);

void revoke_token(Exchange& ex, const std::string& id);

http::Response account_page(Exchange& ex, const FieldErrors& errors, const nlohmann::json& extra,
                            int status);

}  // namespace convene::web
