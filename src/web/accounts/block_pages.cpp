// The Secretariat's page of one account (from the list of accounts): its roles, whether it
// is blocked and since when, the form that blocks or unblocks it with a reason, and every
// block it had, with who blocked and unblocked it, when and why.
#include "core/accounts/blocking.hpp"
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/accounts/block_actions.hpp"
#include "web/accounts/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

http::Response record_page(Exchange& ex, AccountId id, const FieldErrors& errors,
                           const std::string& typed, int status) {
    auto view = account_record_json(ex, id);
    bool blocked = view["blocked"].get<bool>();
    view["title"] = say("page.accounts.account.title", {{"name", view["name"].get<std::string>()}});
    view["own"] = ex.account() && ex.account()->id == id;
    view["errors"] = error_summary(errors);
    view["has_errors"] = !errors.empty();
    view["action"] = blocked ? "unblock" : "block";
    view["reason_fields"] = {field_view(
        "reason",
        blocked ? say("accounts.unblock.reason_label") : say("accounts.block.reason_label"), typed,
        errors, "textarea", true,
        say("accounts.block.reason_hint", {{"max", most_block_reason_characters}}))};
    for (auto& b : view["blocks"]) {
        b["blocked_when"] = time_view(b["blocked_at"].get<std::string>());
        if (b["unblocked_at"].is_string())
            b["unblocked_when"] = time_view(b["unblocked_at"].get<std::string>());
        if (b["in_force"].get<bool>()) view["block_in_force"] = b;
    }
    view["has_blocks"] = !view["blocks"].empty();
    view["has_roles"] = !view["roles"].empty();
    auto done = ex.request.query_param("done");
    view["done_blocked"] = done == "blocked" && blocked;
    view["done_unblocked"] = done == "unblocked" && !blocked;
    return ex.page("accounts/account_record", view, status);
}

// Blocks or unblocks from the page's form: back to the page, or the page again with the
// problem named and the reason as typed.
template <class Change>
http::Response change_from_form(Exchange& ex, const char* done, Change change) {
    auto account = account_in_path(ex);
    auto reason = ex.form().get("reason");
    try {
        change(ex, account, reason);
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        ex.restart_write();
        return record_page(ex, account.id, err.fields(), reason, err.status());
    }
    return http::Response::redirect("/admin/accounts/" + to_string(account.id) + "?done=" + done);
}

}  // namespace

http::Response account_record(Exchange& ex) {
    return record_page(ex, account_in_path(ex).id, {}, "", 200);
}

http::Response account_block(Exchange& ex) {
    return change_from_form(ex, "blocked", block);
}

http::Response account_unblock(Exchange& ex) {
    return change_from_form(ex, "unblocked", unblock);
}

}  // namespace convene::web
