#include "web/site/exchange.hpp"

#include <algorithm>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/common/audit.hpp"
#include "store/editions/editions.hpp"
#include "web/site/render.hpp"
#include "web/site/static_assets.hpp"

namespace convene::web {

Exchange::~Exchange() {
    if (in_transaction_) rollback();
}

db::Connection& Exchange::db() {
    if (!lease_) {
        lease_.emplace(app.database().acquire());
        if (writing()) {
            (*lease_)->begin_write();
            in_transaction_ = true;
        }
    }
    return **lease_;
}

void Exchange::commit() {
    if (!in_transaction_) return;
    auto at = app.now();
    app.other_nodes().tell(**lease_, pending_events_, format_utc(at),
                           format_utc(at - std::chrono::minutes(1)));
    in_transaction_ = false;
    (*lease_)->commit();
    app.invalidate_cache();
}

void Exchange::rollback() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    try {
        (*lease_)->rollback();
    } catch (...) {
    }
}

void Exchange::restart_write() {
    rollback();
    db();
    if (!in_transaction_) {
        (*lease_)->begin_write();
        in_transaction_ = true;
    }
}

std::string Exchange::now() const {
    return format_utc(app.now());
}

Clock::time_point Exchange::clock() const {
    return app.now();
}

const std::optional<store::Account>& Exchange::account() {
    if (account_loaded_) return account_;
    account_loaded_ = true;
    auto authorization = request.header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
        token_auth_ = true;
        account_ = store::account_of_api_token(db(), token_hash(authorization.substr(7)), now());
        if (!account_) throw http::unauthorized(say("site.the_api_token_is_not_valid"));
        return account_;
    }
    // A planted second session cookie must not choose the account: with several, one is
    // used only when exactly one of them is a valid session.
    int valid = 0;
    for (const auto& token : request.cookies(app.session_cookie_name())) {
        if (token.empty()) continue;
        if (auto found = store::account_of_session(db(), token_hash(token), now())) {
            if (++valid == 1) {
                account_ = found;
                session_hash_ = token_hash(token);
            }
        }
    }
    if (valid > 1) {
        account_.reset();
        session_hash_.clear();
    }
    return account_;
}

bool Exchange::via_api_token() {
    account();
    return token_auth_;
}

const std::vector<store::RoleGrant>& Exchange::roles() {
    if (!roles_loaded_) {
        roles_loaded_ = true;
        if (account()) roles_ = store::roles_of(db(), account()->id);
    }
    return roles_;
}

const policy::Actor& Exchange::actor() {
    if (!actor_) {
        policy::Actor a;
        if (account()) {
            a.account = account()->id;
            for (const auto& g : roles()) a.grants.push_back({g.role, g.edition_id});
        }
        actor_ = std::move(a);
    }
    return *actor_;
}

const store::Account& Exchange::require_sign_in() {
    if (!account()) throw http::unauthorized();
    return *account_;
}

void Exchange::require(bool allowed, const std::string& why) {
    if (allowed) return;
    require_sign_in();
    throw http::forbidden(why.empty() ? say("policy.not_allowed") : why);
}

const http::Form& Exchange::form() {
    if (!form_) form_ = http::parse_form(request);
    return *form_;
}

std::string Exchange::client_address() const {
    return http::client_address(request, app.config().trusted_proxies);
}

std::string Exchange::csrf_token() {
    auto existing = request.cookie(app.csrf_cookie_name());
    if (existing.size() == 64) return existing;
    if (new_csrf_.empty()) {
        new_csrf_ = random_token();
        http::CookieOptions o;
        o.secure = app.secure_cookies();
        response_headers.emplace_back("set-cookie",
                                      http::set_cookie_value(app.csrf_cookie_name(), new_csrf_, o));
    }
    return new_csrf_;
}

void Exchange::audit(const std::string& action, const std::string& subject,
                     const nlohmann::json& detail) {
    std::optional<AccountId> who;
    if (account()) who = account()->id;
    store::record_audit(db(), who, action, subject, detail.dump(), now());
}

http::Response Exchange::page(const std::string& name, nlohmann::json view, int status) {
    if (account()) {
        view["signed_in"] = {{"name", account()->name}, {"email", account()->email}};
        view["is_admin"] = policy::may_administer(actor());
        // "My evaluations" for every edition where the account sits on the MAG.
        nlohmann::json lists = nlohmann::json::array();
        bool member = std::any_of(actor().grants.begin(), actor().grants.end(),
                                  [](const auto& g) { return g.role == Role::evaluator; });
        // One query for all editions, and only for MAG members: this runs on every page.
        if (member)
            for (const auto& e : store::list_editions(db()))
                if (policy::may_evaluate_in(actor(), e.id))
                    lists.push_back({{"url", "/editions/" + to_string(e.id) + "/evaluations"},
                                     {"edition", e.name}});
        view["my_evaluations"] = lists;
        view["one_evaluation_list"] = lists.size() == 1;
    }
    LazyValues lazy = {{"csrf_token", [this] { return csrf_token(); }}};
    auto content = render_template(name, view, lazy);
    // The layout reads only these (templates/site/layout.mustache): the page's view, often
    // a list of proposals, would be copied and converted for it a second time.
    nlohmann::json layout = {{"content", std::move(content)}, {"static", static_paths()}};
    for (const char* key :
         {"title", "signed_in", "is_admin", "my_evaluations", "one_evaluation_list"})
        if (auto found = view.find(key); found != view.end()) layout[key] = std::move(*found);
    if (!layout.contains("title")) layout["title"] = say("site.convene");
    return http::Response::html(render_template("site/layout", layout, lazy), status);
}

store::Edition edition_in_path(Exchange& ex) {
    auto e = store::find_edition(ex.db(), ex.params.id<EditionId>("edition"));
    if (!e) throw http::not_found(say("site.no_such_edition"));
    return *e;
}

store::Edition managed_edition(Exchange& ex) {
    auto e = edition_in_path(ex);
    ex.require(policy::may_manage_edition(ex.actor(), e.id), say("policy.secretariat_only"));
    return e;
}

FieldErrors form_field_errors(FieldErrors errors) {
    for (auto& e : errors)
        if (auto bracket = e.field.find('['); bracket != std::string::npos)
            e.field = e.field.substr(0, bracket);
    return errors;
}

void throw_if_invalid(const FieldErrors& errors) {
    if (!errors.empty()) throw http::unprocessable(errors);
}

nlohmann::json field_view(const std::string& name, const std::string& label,
                          const std::string& value, const FieldErrors& errors,
                          const std::string& type, bool required, const std::string& hint) {
    nlohmann::json f = {
        {"name", name}, {"id", "field-" + name}, {"label", label}, {"value", value},
        {"type", type}, {"required", required},  {"hint", hint},   {"has_hint", !hint.empty()}};
    std::string described_by = hint.empty() ? "" : "field-" + name + "-hint";
    for (const auto& e : errors)
        if (e.field == name) {
            f["error"] = e.message;
            described_by += (described_by.empty() ? "" : " ") + ("field-" + name + "-error");
            break;
        }
    f["described_by"] = described_by;
    f["is_textarea"] = type == "textarea";
    f["is_select"] = type == "select";
    f["is_input"] = type != "textarea" && type != "select";
    return f;
}

int typed_whole_number(const std::string& typed, const std::string& field, int fallback,
                       FieldErrors& errors) {
    auto t = trim(typed);
    if (t.empty()) return fallback;
    if (t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) {
        errors.push_back({field, say("venue.room.whole_number")});
        return fallback;
    }
    return std::stoi(t);
}

nlohmann::json error_summary(const FieldErrors& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors)
        list.push_back({{"id", "field-" + e.field}, {"message", e.message}});
    return list;
}

}  // namespace convene::web
