#include "web/accounts/block_actions.hpp"

#include "core/accounts/blocking.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/accounts/blocks.hpp"
#include "store/live/captions.hpp"
#include "web/live/room_changes.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string checked_reason(const std::string& typed) {
    auto reason = trim(typed);
    if (auto e = check_block_reason(reason)) throw http::unprocessable({*e});
    return reason;
}

// Who asks, as they are now: a block of their own account that committed while this
// request waited for the lock counts.
policy::Actor actor_now(Exchange& ex) {
    auto actor = ex.actor();
    if (actor.account) actor.blocked = store::account_blocked(ex.db(), *actor.account);
    return actor;
}

}  // namespace

store::Account account_in_path(Exchange& ex) {
    auto account = store::find_account(ex.db(), ex.params.id<AccountId>("account"));
    if (!account) throw http::not_found(say("accounts.no_such_account"));
    return *account;
}

std::string reason_in_body(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("reason") || !body["reason"].is_string())
        throw http::unprocessable({{"reason", say("accounts.block.send_reason")}});
    return body["reason"].get<std::string>();
}

void block(Exchange& ex, const store::Account& account, const std::string& typed) {
    auto reason = checked_reason(typed);
    store::lock_account_blocks(ex.db(), ex.now());
    auto others = store::administrators_besides(ex.db(), account.id);
    switch (policy::may_block_account(actor_now(ex), {account.id, others})) {
        case policy::BlockVerdict::allowed:
            break;
        case policy::BlockVerdict::forbidden:
            throw http::forbidden(say("policy.secretariat_only"));
        case policy::BlockVerdict::own_account:
            throw http::conflict(say("accounts.block.own_account"),
                                 {{"account", say("accounts.block.own_account")}});
        case policy::BlockVerdict::last_administrator:
            throw http::conflict(say("accounts.block.last_administrator"),
                                 {{"account", say("accounts.block.last_administrator")}});
    }
    if (!store::block_account(ex.db(), account.id, *ex.actor().account, reason, ex.now()))
        throw http::conflict(say("accounts.block.already_blocked"),
                             {{"account", say("accounts.block.already_blocked")}});
    auto tokens = store::revoke_captioner_tokens_made_by(ex.db(), account.id, ex.now());
    auto rooms = withdraw_from_every_queue(ex, account.id);
    ex.audit("account.block", "account " + to_string(account.id),
             {{"reason", reason}, {"captioner_tokens_revoked", tokens}, {"withdrawn_in", rooms}});
}

void unblock(Exchange& ex, const store::Account& account, const std::string& typed) {
    auto reason = checked_reason(typed);
    store::lock_account_blocks(ex.db(), ex.now());
    if (!policy::may_unblock_account(actor_now(ex)))
        throw http::forbidden(say("policy.secretariat_only"));
    if (!store::unblock_account(ex.db(), account.id, *ex.actor().account, reason, ex.now()))
        throw http::conflict(say("accounts.unblock.not_blocked"),
                             {{"account", say("accounts.unblock.not_blocked")}});
    ex.audit("account.unblock", "account " + to_string(account.id), {{"reason", reason}});
}

nlohmann::json account_record_json(Exchange& ex, AccountId id) {
    auto account = store::find_account(ex.db(), id);
    if (!account) throw http::not_found(say("accounts.no_such_account"));
    auto out = account_view({*account, store::roles_of(ex.db(), id)});
    out["email_verified"] = account->email_verified;
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : store::blocks_of(ex.db(), id)) {
        auto optional = [](const std::string& s) {
            return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
        };
        blocks.push_back(
            {{"blocked_at", b.blocked_at},
             {"blocked_by", b.blocked_by ? nlohmann::json(*b.blocked_by) : nlohmann::json()},
             {"blocked_by_name", b.blocked_by_name},
             {"reason", b.reason},
             {"in_force", b.in_force()},
             {"unblocked_at", optional(b.unblocked_at)},
             {"unblocked_by_name", optional(b.unblocked_by_name)},
             {"unblock_reason", optional(b.unblock_reason)}});
    }
    out["blocks"] = blocks;
    return out;
}

}  // namespace convene::web
