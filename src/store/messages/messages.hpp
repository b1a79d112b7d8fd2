#pragma once
// The messages of the year in the database (migration 024): an edition's round (comment
// period, publication, refused comments counted), its messages with their citations of
// sessions and positions, every version saved (and every stale save kept aside), the
// public comments with their moderation and handling.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/messages/messages.hpp"
#include "database/database.hpp"

namespace convene::store {

struct MessageRound {
    messages::Period period;
    std::string published_at, published_by;  // "" while a draft
    std::int64_t refused_comments = 0;       // comments refused as a flood
};
MessageRound message_round(db::Connection& c, EditionId edition);
void set_comment_period(db::Connection& c, EditionId edition, const messages::Period& p);
// False when they were published already.
bool publish_messages(db::Connection& c, EditionId edition, AccountId by, const std::string& now);
void count_refused_comment(db::Connection& c, EditionId edition);

struct CitedSession {
    SessionId session;
    std::string code, title, quote;
};

struct StoredMessage {
    YearMessageId id;
    EditionId edition;
    ThemeId theme;
    std::string theme_name;
    messages::Draft draft;
    std::vector<CitedSession> cited;  // the draft's citations with their sessions
    std::int64_t version = 1;
    std::string created_by, created_at, updated_by, updated_at;  // names and UTC times
};

// The edition's messages by theme (the themes' order), then in the order written.
std::vector<StoredMessage> edition_messages(db::Connection& c, EditionId edition);
std::optional<StoredMessage> find_message(db::Connection& c, EditionId edition, YearMessageId id);

YearMessageId add_message(db::Connection& c, EditionId edition, ThemeId theme,
                          const messages::Draft& d, AccountId author, const std::string& now);
// Written only over `expected_version` (then version + 1, kept as a version); false when
// someone saved it since: then the typed draft is kept as a stale version beside theirs.
bool save_message(db::Connection& c, YearMessageId id, const messages::Draft& d,
                  std::int64_t expected_version, AccountId author, const std::string& now);

struct MessageVersion {
    std::int64_t version = 0, based_on = 0;
    std::string kind;  // "saved" or "stale"
    messages::Draft draft;
    std::string author, saved_at;
};
// Newest first.
std::vector<MessageVersion> message_versions(db::Connection& c, YearMessageId id);

// The sessions a message may cite: the edition's sessions not cancelled, by code.
struct SessionChoice {
    SessionId id;
    std::string code, title;
    std::optional<ThemeId> theme;
};
std::vector<SessionChoice> citable_sessions(db::Connection& c, EditionId edition);

// The messages citing a session, with the quote of each citation.
struct CitingMessage {
    YearMessageId id;
    std::string title, theme_name, stance, quote;
};
std::vector<CitingMessage> messages_citing(db::Connection& c, SessionId session);

struct StoredComment {
    MessageCommentId id;
    YearMessageId message;
    messages::Comment comment;
    std::string paragraph_text;
    std::int64_t message_version = 0;
    std::string created_at;
    bool hidden = false;
    std::string hidden_at, hidden_reason, hidden_by;
    std::string handling, handling_note, handled_by, handled_at;
};
MessageCommentId add_comment(db::Connection& c, YearMessageId message, const messages::Comment& m,
                             const std::string& paragraph_text, std::int64_t message_version,
                             std::optional<AccountId> account, const std::string& now);
// Oldest first, hidden ones too (pages leave their text out).
std::vector<StoredComment> message_comments(db::Connection& c, YearMessageId message);
std::optional<StoredComment> find_comment(db::Connection& c, YearMessageId message,
                                          MessageCommentId id);
void hide_comment(db::Connection& c, MessageCommentId id, AccountId by, const std::string& reason,
                  const std::string& now);
void handle_comment(db::Connection& c, MessageCommentId id, const std::string& handling,
                    const std::string& note, AccountId by, const std::string& now);

struct CommentCounts {
    std::int64_t shown = 0, hidden = 0, handled = 0;
};
std::map<YearMessageId, CommentCounts> comment_counts(db::Connection& c, EditionId edition);

}  // namespace convene::store
