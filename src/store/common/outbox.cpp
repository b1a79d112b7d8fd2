#include "store/common/outbox.hpp"

namespace convene::store {

bool enqueue_mail(db::Connection& c, const Mail& mail, const std::string& now) {
    auto r = c.run(
        "INSERT INTO outbox (created_at, kind, dedupe_key, recipient, subject, body, status, "
        "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?) "
        "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        {now, mail.kind, mail.dedupe_key, mail.recipient, mail.subject, mail.body, now});
    return !r.empty();
}

void enqueue_mails(db::Connection& c, const std::vector<Mail>& mails, const std::string& now) {
    if (mails.empty()) return;
    std::vector<db::Value> values;
    for (const auto& m : mails)
        for (db::Value v :
             {db::Value{now}, db::Value{m.kind}, db::Value{m.dedupe_key}, db::Value{m.recipient},
              db::Value{m.subject}, db::Value{m.body}, db::Value{std::string("queued")},
              db::Value{std::int64_t{0}}, db::Value{now}})
            values.push_back(std::move(v));
    db::insert_rows(c,
                    "INSERT INTO outbox (created_at, kind, dedupe_key, recipient, subject, body, "
                    "status, attempts, next_attempt_at)",
                    9, values, " ON CONFLICT (dedupe_key) DO NOTHING");
}

namespace {

const char* columns =
    "SELECT id, created_at, kind, recipient, subject, body, status, attempts, next_attempt_at, "
    "last_error, COALESCE(sent_at, '') FROM outbox ";

std::vector<OutboxMessage> messages(const db::Result& r) {
    std::vector<OutboxMessage> out;
    for (const auto& row : r.rows) {
        OutboxMessage m;
        m.id = row.integer(0);
        m.created_at = row.text(1);
        m.kind = row.text(2);
        m.recipient = row.text(3);
        m.subject = row.text(4);
        m.body = row.text(5);
        m.status = row.text(6);
        m.attempts = row.integer(7);
        m.next_attempt_at = row.text(8);
        m.last_error = row.text(9);
        m.sent_at = row.text(10);
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace

std::vector<OutboxMessage> list_outbox(db::Connection& c, int limit) {
    return messages(
        c.run(std::string(columns) + "ORDER BY id DESC LIMIT ?", {std::int64_t{limit}}));
}

OutboxCounts count_outbox(db::Connection& c) {
    OutboxCounts out;
    for (const auto& row : c.run("SELECT status, COUNT(*) FROM outbox GROUP BY status").rows) {
        if (row.text(0) == "queued") out.queued = row.integer(1);
        if (row.text(0) == "sent") out.sent = row.integer(1);
        if (row.text(0) == "failed") out.failed = row.integer(1);
    }
    return out;
}

std::vector<OutboxMessage> claim_due_mail(db::Connection& c, const std::string& now,
                                          const std::string& claim_until, int limit) {
    auto due = messages(c.run(
        std::string(columns) + "WHERE status = 'queued' AND next_attempt_at <= ? AND "
                               "(claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?",
        {now, now, std::int64_t{limit}}));
    std::vector<OutboxMessage> claimed;
    for (auto& m : due) {
        auto r = c.run(
            "UPDATE outbox SET claimed_until = ? WHERE id = ? AND status = 'queued' AND "
            "(claimed_until IS NULL OR claimed_until < ?) RETURNING id",
            {claim_until, m.id, now});
        if (!r.empty()) claimed.push_back(std::move(m));
    }
    return claimed;
}

void mark_mail_sent(db::Connection& c, std::int64_t id, const std::string& now) {
    c.run(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until "
        "= NULL, last_error = '' WHERE id = ?",
        {now, id});
}

void mark_mail_attempt_failed(db::Connection& c, std::int64_t id, const std::string& error,
                              const std::string& next_attempt_at, bool give_up) {
    c.run(
        "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at "
        "= ?, claimed_until = NULL WHERE id = ?",
        {std::string(give_up ? "failed" : "queued"), error, next_attempt_at, id});
}

bool retry_mail_now(db::Connection& c, std::int64_t id, const std::string& now) {
    return !c.run(
                 "UPDATE outbox SET status = 'queued', next_attempt_at = ?, claimed_until = NULL "
                 "WHERE id = ? AND status <> 'sent' RETURNING id",
                 {now, id})
                .empty();
}

}  // namespace convene::store
