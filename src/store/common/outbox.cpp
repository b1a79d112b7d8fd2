#include "store/common/outbox.hpp"

namespace convene::store {

bool enqueue_mail(db::Connection& c, const Mail& mail, const std::string& now) {
    auto r = c.run(R"sql(
        INSERT INTO outbox
            (created_at, kind, dedupe_key, recipient, subject, body, status, attempts,
             next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
    )sql",
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
    db::insert_rows(c, R"sql(
        INSERT INTO outbox
            (created_at, kind, dedupe_key, recipient, subject, body, status, attempts,
             next_attempt_at)
    )sql",
                    9, values, R"sql( ON CONFLICT (dedupe_key) DO NOTHING)sql");
}

std::map<std::string, std::string> mail_keys(db::Connection& c, const std::string& prefix) {
    std::map<std::string, std::string> out;
    for (const auto& row : c.run(R"sql(
        SELECT dedupe_key, status FROM outbox WHERE dedupe_key LIKE ?
    )sql",
                                 {prefix + "%"})
                               .rows)
        out[row.text("dedupe_key")] = row.text("status");
    return out;
}

int withdraw_unsent_mail(db::Connection& c, const std::string& prefix, const std::string& keep,
                         const std::string& now) {
    return static_cast<int>(c.run(R"sql(
        DELETE FROM outbox
        WHERE dedupe_key LIKE ? AND dedupe_key NOT LIKE ? AND status <> 'sent'
          AND (claimed_until IS NULL OR claimed_until < ?)
    )sql",
                                  {prefix + "%", keep + "%", now})
                                .changed);
}

namespace {

std::vector<OutboxMessage> messages(const db::Result& r) {
    std::vector<OutboxMessage> out;
    for (const auto& row : r.rows) {
        OutboxMessage m;
        m.id = row.id<MessageId>("id");
        m.created_at = row.text("created_at");
        m.kind = row.text("kind");
        m.recipient = row.text("recipient");
        m.subject = row.text("subject");
        m.body = row.text("body");
        m.status = row.text("status");
        m.attempts = row.integer("attempts");
        m.next_attempt_at = row.text("next_attempt_at");
        m.last_error = row.text("last_error");
        m.sent_at = row.text("sent_at");
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace

std::vector<OutboxMessage> list_outbox(db::Connection& c, int limit) {
    return messages(c.run(R"sql(
        SELECT id, created_at, kind, recipient, subject, body, status, attempts, next_attempt_at,
               last_error, COALESCE(sent_at, '') AS sent_at
        FROM outbox
        ORDER BY id DESC
        LIMIT ?
    )sql",
                          {std::int64_t{limit}}));
}

OutboxCounts count_outbox(db::Connection& c) {
    OutboxCounts out;
    auto r = c.run(R"sql(
        SELECT status, COUNT(*) AS messages
        FROM outbox
        GROUP BY status
    )sql");
    for (const auto& row : r.rows) {
        if (row.text("status") == "queued") out.queued = row.integer("messages");
        if (row.text("status") == "sent") out.sent = row.integer("messages");
        if (row.text("status") == "failed") out.failed = row.integer("messages");
    }
    return out;
}

std::vector<OutboxMessage> claim_due_mail(db::Connection& c, const std::string& now,
                                          const std::string& claim_until, int limit) {
    auto due = messages(c.run(R"sql(
        SELECT id, created_at, kind, recipient, subject, body, status, attempts, next_attempt_at,
               last_error, COALESCE(sent_at, '') AS sent_at
        FROM outbox
        WHERE status = 'queued' AND next_attempt_at <= ?
          AND (claimed_until IS NULL OR claimed_until < ?)
        ORDER BY id
        LIMIT ?
    )sql",
                              {now, now, std::int64_t{limit}}));
    std::vector<OutboxMessage> claimed;
    for (auto& m : due) {
        auto r = c.run(R"sql(
            UPDATE outbox SET claimed_until = ?
            WHERE id = ? AND status = 'queued'
              AND (claimed_until IS NULL OR claimed_until < ?)
            RETURNING id
        )sql",
                       {claim_until, m.id.value(), now});
        if (!r.empty()) claimed.push_back(std::move(m));
    }
    return claimed;
}

void mark_mail_sent(db::Connection& c, MessageId id, const std::string& now) {
    c.run(R"sql(
        UPDATE outbox
        SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
            last_error = ''
        WHERE id = ?
    )sql",
          {now, id.value()});
}

void mark_mail_attempt_failed(db::Connection& c, MessageId id, const std::string& error,
                              const std::string& next_attempt_at, bool give_up) {
    c.run(R"sql(
        UPDATE outbox
        SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
            claimed_until = NULL
        WHERE id = ?
    )sql",
          {std::string(give_up ? "failed" : "queued"), error, next_attempt_at, id.value()});
}

bool retry_mail_now(db::Connection& c, MessageId id, const std::string& now) {
    return !c.run(R"sql(
        UPDATE outbox SET status = 'queued', next_attempt_at = ?, claimed_until = NULL
        WHERE id = ? AND status <> 'sent'
        RETURNING id
    )sql",
                  {now, id.value()})
                .empty();
}

}  // namespace convene::store
