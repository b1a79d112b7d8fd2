#pragma once
// The proposers' decision messages: what a send would queue (how many mails, one rendered
// sample per decision kind), the send itself only for the count the officer confirmed, and
// a changed decision's message replacing the unsent one of its earlier version.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "store/common/outbox.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

struct PlannedMessage {
    store::Mail mail;
    std::string kind;  // the decision as it is now (effective kind)
    ProposalId proposal;
    std::int64_t version = 0;
};
struct MessagePlan {
    std::vector<PlannedMessage> to_send;  // one per recipient and decision version, not yet queued
    int already_sent = 0;                 // queued or sent before for the decision as it is
    int replacing = 0;        // unsent messages of an earlier version the new ones replace
    int without_address = 0;  // decisions whose proposal names nobody with an e-mail
};
// The messages a send would queue now, for the edition or one proposal of it.
MessagePlan plan_decision_messages(Exchange& ex, const store::Edition& e,
                                   std::optional<ProposalId> only = std::nullopt);
// The counts and, per decision kind, how many mails and one rendered sample (page and API).
nlohmann::json preview_json(const MessagePlan& plan);

struct SentMessages {
    int queued = 0, already_sent = 0, without_address = 0, replaced = 0;
};
// Queues the planned messages when `expected` is still the number to send; 409 in words
// otherwise (another officer sent them, or decisions changed since the preview), with
// nothing queued.
SentMessages send_decision_messages(Exchange& ex, const store::Edition& e, std::int64_t expected);
nlohmann::json to_json(const SentMessages& sent);
// After a decision changed: when a message of an earlier version is still unsent, the new
// decision's message takes its place. Returns how many were replaced.
int replace_unsent_messages(Exchange& ex, const store::Edition& e, ProposalId proposal);

}  // namespace convene::web
