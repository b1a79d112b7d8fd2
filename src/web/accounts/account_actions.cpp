// The account's own settings (password, API tokens), shared by the account page and the API.
#include "web/accounts/account_actions.hpp"

#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "web/accounts/session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

nlohmann::json token_view(const store::ApiToken& t) {
    return {{"id", t.id},
            {"label", t.label},
            {"created_at", t.created_at},
            {"expires_at", t.expires_at.empty() ? nlohmann::json() : nlohmann::json(t.expires_at)},
            {"revoked_at", t.revoked_at.empty() ? nlohmann::json() : nlohmann::json(t.revoked_at)}};
}

// The account's password typed again; wrong ones are counted, five in 15 minutes make
// the account wait, so a stolen session cannot guess it.
bool right_password(Exchange& ex, const store::Account& account, const std::string& typed) {
    const std::string key = "password:" + to_string(account.id);
    auto since = format_utc(ex.clock() - std::chrono::minutes(15));
    if (store::failures_since(ex.db(), key, since) >= 5)
        throw http::Error(429, say("accounts.too_many_attempts"),
                          say("accounts.too_many_wrong_passwords_please_wait"));
    auto stored = store::find_account_for_sign_in(ex.db(), account.email);
    if (stored && verify_password(typed, stored->second)) return true;
    store::record_failure(ex.db(), key, ex.now());
    ex.keep_writes_on_error();
    return false;
}

// Checks the current password and the new one; sets it and ends the other sessions.
void change_password(Exchange& ex, const std::string& current, const std::string& chosen) {
    const auto& account = ex.require_sign_in();
    FieldErrors errors;
    if (!right_password(ex, account, current))
        errors.push_back({"current_password", say("accounts.the_current_password_is_not_right")});
    if (auto e = check_password(chosen, account.email, account.name)) {
        e->field = "new_password";
        errors.push_back(*e);
    }
    throw_if_invalid(errors);
    store::set_password_hash(ex.db(), account.id, hash_password(chosen));
    // Whoever else was signed in with the old password is signed out now.
    store::end_other_sessions(ex.db(), account.id, ex.session_hash());
    ex.audit("account.password", "account " + to_string(account.id), nlohmann::json::object());
}

// Only a person signed in (no token makes tokens) who types the password again.
NewToken create_token(Exchange& ex, const std::string& label, const std::string& days,
                      const std::string& password, const std::string& password_field) {
    const auto& account = ex.require_sign_in();
    if (ex.via_api_token()) throw http::forbidden(say("accounts.api_tokens_are_made_by_a"));
    FieldErrors errors;
    if (!right_password(ex, account, password))
        errors.push_back({password_field, say("accounts.type_your_password_to_make_a")});
    auto name = trim(label);
    if (name.empty() || count_characters(name) > 100)
        errors.push_back({"label", say("accounts.name_the_token_at_most_100")});
    std::optional<std::string> expires;
    auto d = trim(days);
    if (!d.empty()) {
        if (d.size() > 3 || d.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(d) < 1 || std::stoi(d) > 365)
            errors.push_back({"expires_in_days", say("accounts.days_valid_must_be_a_whole")});
        else
            expires = format_utc(ex.clock() + std::chrono::hours(24 * std::stoi(d)));
    }
    throw_if_invalid(errors);
    auto token = random_token();
    store::create_api_token(ex.db(), token_hash(token), account.id, name, ex.now(), expires);
    ex.audit("account.token_create", "account " + to_string(account.id), {{"label", name}});
    return {token,
            {token_hash(token).substr(0, store::api_token_id_length), name, ex.now(),
             expires.value_or(""), ""}};
}

void revoke_token(Exchange& ex, const std::string& id) {
    const auto& account = ex.require_sign_in();
    if (!store::revoke_api_token(ex.db(), account.id, id, ex.now()))
        throw http::not_found(say("accounts.your_account_has_no_live_api"));
    ex.audit("account.token_revoke", "account " + to_string(account.id), {{"token", id}});
}

http::Response account_page(Exchange& ex, const FieldErrors& errors, const nlohmann::json& extra,
                            int status) {
    const auto& account = ex.require_sign_in();
    nlohmann::json tokens = nlohmann::json::array();
    for (const auto& t : store::api_tokens_of(ex.db(), account.id)) {
        auto v = token_view(t);
        v["live"] = t.revoked_at.empty() && (t.expires_at.empty() || t.expires_at > ex.now());
        v["created_day"] = t.created_at.substr(0, 10);
        v["expires_day"] = t.expires_at.substr(0, 10);
        v["revoked_day"] = t.revoked_at.substr(0, 10);
        tokens.push_back(v);
    }
    nlohmann::json view = {
        {"title", say("page.accounts.your_account.title")},
        {"name", account.name},
        {"email", account.email},
        {"tokens", tokens},
        {"has_tokens", !tokens.empty()},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"password_fields",
         {field_view("current_password", say("accounts.current_password"), "", errors, "password",
                     true),
          field_view("new_password", say("accounts.new_password"), "", errors, "password", true,
                     say("accounts.at_least_10_characters_a_few"))}},
        {"token_fields",
         {field_view("label", say("accounts.name_of_the_token"), "", errors, "text", true,
                     say("accounts.what_the_token_is_for_e")),
          field_view("expires_in_days", say("accounts.days_valid"), "", errors, "text", false,
                     say("accounts.from_1_to_365_empty_for")),
          field_view("token_password", say("accounts.your_password"), "", errors, "password", true,
                     say("accounts.typed_again_a_token_acts_as"))}}};
    view["password_fields"][0]["autocomplete"] = "current-password";
    view["password_fields"][1]["autocomplete"] = "new-password";
    view["token_fields"][2]["autocomplete"] = "current-password";
    for (auto& [k, v] : extra.items()) view[k] = v;
    return ex.page("accounts/account", view, status);
}

}  // namespace convene::web
