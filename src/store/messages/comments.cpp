// The public comments on the messages of the year: stored verbatim, hidden (never
// deleted) with a reason, marked with how the MAG handled them.
#include "store/messages/messages.hpp"

namespace convene::store {

namespace {

std::vector<StoredComment> comments_where(db::Connection& c, YearMessageId message,
                                          std::optional<MessageCommentId> only) {
    std::int64_t one = only ? only->value() : 0;
    auto r = c.run(R"sql(
        SELECT k.id, k.message_id, k.paragraph, k.paragraph_text, k.message_version, k.name,
               k.stakeholder_group, k.region, k.body, k.created_at, k.hidden_at,
               k.hidden_reason, k.handling, k.handling_note, k.handled_at,
               COALESCE(h.name, '') AS hidden_by, COALESCE(d.name, '') AS handled_by
        FROM message_comments k
        LEFT JOIN accounts h ON h.id = k.hidden_by
        LEFT JOIN accounts d ON d.id = k.handled_by
        WHERE k.message_id = ? AND (? = 0 OR k.id = ?)
        ORDER BY k.id
    )sql",
                   {message, one, one});
    std::vector<StoredComment> out;
    for (const auto& row : r.rows) {
        StoredComment s;
        s.id = row.id<MessageCommentId>("id");
        s.message = row.id<YearMessageId>("message_id");
        s.comment.paragraph = static_cast<int>(row.integer("paragraph"));
        s.comment.name = row.text("name");
        s.comment.stakeholder_group = row.text("stakeholder_group");
        s.comment.region = row.text("region");
        s.comment.body = row.text("body");
        s.paragraph_text = row.text("paragraph_text");
        s.message_version = row.integer("message_version");
        s.created_at = row.text("created_at");
        s.hidden_at = row.optional_text("hidden_at").value_or("");
        s.hidden = !s.hidden_at.empty();
        s.hidden_reason = row.text("hidden_reason");
        s.hidden_by = row.text("hidden_by");
        s.handling = row.text("handling");
        s.handling_note = row.text("handling_note");
        s.handled_at = row.optional_text("handled_at").value_or("");
        s.handled_by = row.text("handled_by");
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

MessageCommentId add_comment(db::Connection& c, YearMessageId message, const messages::Comment& m,
                             const std::string& paragraph_text, std::int64_t message_version,
                             std::optional<AccountId> account, const std::string& now) {
    db::Value who = nullptr;
    if (account) who = *account;
    return MessageCommentId{
        db::scalar(c.run(R"sql(
        INSERT INTO message_comments (message_id, paragraph, paragraph_text, message_version,
                                      name, stakeholder_group, region, body, account_id,
                                      created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                         {message, std::int64_t{m.paragraph}, paragraph_text, message_version,
                          m.name, m.stakeholder_group, m.region, m.body, who, now}))};
}

std::vector<StoredComment> message_comments(db::Connection& c, YearMessageId message) {
    return comments_where(c, message, std::nullopt);
}

std::optional<StoredComment> find_comment(db::Connection& c, YearMessageId message,
                                          MessageCommentId id) {
    auto found = comments_where(c, message, id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

void hide_comment(db::Connection& c, MessageCommentId id, AccountId by, const std::string& reason,
                  const std::string& now) {
    c.run(R"sql(
        UPDATE message_comments SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?
    )sql",
          {now, by, reason, id});
}

void handle_comment(db::Connection& c, MessageCommentId id, const std::string& handling,
                    const std::string& note, AccountId by, const std::string& now) {
    c.run(R"sql(
        UPDATE message_comments SET handling = ?, handling_note = ?, handled_by = ?, handled_at = ?
        WHERE id = ?
    )sql",
          {handling, note, by, now, id});
}

std::map<YearMessageId, CommentCounts> comment_counts(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(
        SELECT k.message_id,
               SUM(CASE WHEN k.hidden_at IS NULL THEN 1 ELSE 0 END) AS shown,
               SUM(CASE WHEN k.hidden_at IS NULL THEN 0 ELSE 1 END) AS hidden,
               SUM(CASE WHEN k.handling = '' THEN 0 ELSE 1 END) AS handled
        FROM message_comments k
        JOIN year_messages m ON m.id = k.message_id
        WHERE m.edition_id = ?
        GROUP BY k.message_id
    )sql",
                   {edition});
    std::map<YearMessageId, CommentCounts> out;
    for (const auto& row : r.rows)
        out[row.id<YearMessageId>("message_id")] = {row.integer("shown"), row.integer("hidden"),
                                                    row.integer("handled")};
    return out;
}

}  // namespace convene::store
