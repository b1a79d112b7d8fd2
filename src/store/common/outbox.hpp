#pragma once
// The mail outbox: every message is written in the transaction that causes it, so a
// rollback sends nothing and a mail-server outage loses nothing. The sender claims
// due messages, sends them and records the outcome; failures wait with backoff.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct Mail {
    std::string kind;        // speaker_invitation, receipt, co_organiser_invitation
    std::string dedupe_key;  // the same key is queued once, whatever the retries
    std::string recipient, subject, body;
};

// Queues the mail unless one with the same key exists; true when it was queued now.
bool enqueue_mail(db::Connection& c, const Mail& mail, const std::string& now);
// The same for many messages, in one statement.
void enqueue_mails(db::Connection& c, const std::vector<Mail>& mails, const std::string& now);

// The dedupe keys that start with `prefix` (kept by the caller free of % and _), with
// their status: queued, sent or failed.
std::map<std::string, std::string> mail_keys(db::Connection& c, const std::string& prefix);
// Withdraws the messages whose key starts with `prefix` but not with `keep`, unless sent or
// claimed by the sender right now: a newer message replaces them. Returns how many.
int withdraw_unsent_mail(db::Connection& c, const std::string& prefix, const std::string& keep,
                         const std::string& now);

struct OutboxMessage {
    MessageId id;
    std::string created_at, kind, recipient, subject, body, status;
    std::int64_t attempts = 0;
    std::string next_attempt_at, last_error, sent_at;
};
std::vector<OutboxMessage> list_outbox(db::Connection& c, int limit);
struct OutboxCounts {
    std::int64_t queued = 0, sent = 0, failed = 0;
};
OutboxCounts count_outbox(db::Connection& c);

// Claims up to `limit` queued messages that are due and not claimed by another node.
std::vector<OutboxMessage> claim_due_mail(db::Connection& c, const std::string& now,
                                          const std::string& claim_until, int limit);
void mark_mail_sent(db::Connection& c, MessageId id, const std::string& now);
// Records a failed attempt; the message waits until `next_attempt_at`, or is given up
// (status failed) when `give_up`.
void mark_mail_attempt_failed(db::Connection& c, MessageId id, const std::string& error,
                              const std::string& next_attempt_at, bool give_up);
// Puts a failed or waiting message back in the queue, due now; false when there is none.
bool retry_mail_now(db::Connection& c, MessageId id, const std::string& now);

}  // namespace convene::store
