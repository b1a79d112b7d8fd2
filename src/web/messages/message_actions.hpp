#pragma once
// What the messages' pages and their API share: the edition's round and what the reader
// may do in it, a message's draft read from a form or a JSON body (sessions found by code
// or id), writing, saving over a version (a stale save kept and told), commenting (the
// period, the flood limit per address), hiding, handling, the period and publishing; and
// the JSON shapes of a message and of a comment.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/messages/messages.hpp"
#include "core/policy/policy.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"
#include "store/messages/messages.hpp"

namespace convene::web {

class Exchange;

struct MessagesContext {
    store::Edition edition;
    store::MessageRound round;
    messages::PeriodState period = messages::PeriodState::not_set;
    policy::MessagesFacts facts;
    bool drafter = false;      // may draft (MAG member or Secretariat of the edition)
    bool may_edit = false;     // drafter, not yet published
    bool secretariat = false;  // runs the round
};
MessagesContext messages_context(Exchange& ex, const store::Edition& e);
// 401/403 unless the reader may read the messages (drafters, or once comments opened or
// they are published).
void require_read(Exchange& ex, const MessagesContext& m);
// The message named by {message}; 404 when the edition has none.
store::StoredMessage message_in_path(Exchange& ex, const MessagesContext& m);
// The theme named by `typed` (an id); 422 naming `field` when the edition has none.
store::Theme theme_of_edition(Exchange& ex, const store::Edition& e, const std::string& typed,
                              const std::string& field);

// A draft typed in the message form: citations one a line ("WS12 | quote"), positions in
// numbered slots (position_1_text, position_1_groups...). Problems of shape (a session
// code the edition does not have) go to `errors`.
messages::Draft draft_in_form(Exchange& ex, const store::Edition& e, const http::Form& form,
                              FieldErrors& errors);
// The JSON body's draft: {"title", "body", "stance", "positions": [{"text", "groups"}],
// "citations": [{"session": id or code, "quote"}]}; 422 naming the member at fault.
messages::Draft draft_in_body(Exchange& ex, const store::Edition& e, const nlohmann::json& body);

// 422 naming every problem of the draft; 403 after publication.
YearMessageId write_message(Exchange& ex, const MessagesContext& m, const store::Theme& theme,
                            const messages::Draft& d);
// 409 when someone saved it since `expected_version` (what was typed is kept as a version
// beside theirs); 422 naming every problem.
void save_message(Exchange& ex, const MessagesContext& m, const store::StoredMessage& stored,
                  const messages::Draft& d, std::int64_t expected_version);

// A comment: 409 outside the period (saying when it opens or closed), 429 past the flood
// limit of the address (counted), 422 naming every problem.
MessageCommentId add_comment(Exchange& ex, const MessagesContext& m,
                             const store::StoredMessage& msg, const messages::Comment& c);
void hide_comment(Exchange& ex, const MessagesContext& m, const store::StoredMessage& msg,
                  MessageCommentId id, const std::string& reason);
void handle_comment(Exchange& ex, const MessagesContext& m, const store::StoredMessage& msg,
                    MessageCommentId id, const std::string& handling, const std::string& note);
void set_period(Exchange& ex, const MessagesContext& m, const messages::Period& typed);
// 409 when already published or when a theme's message cites no session (none can: kept
// by the checks) or there is no message at all.
void publish(Exchange& ex, const MessagesContext& m);

// The address of the edition's messages ("/editions/7/messages") + `rest`.
std::string messages_url(EditionId edition, const std::string& rest = "");
std::string message_url(EditionId edition, YearMessageId id, const std::string& rest = "");
std::string session_url(const store::Edition& e, const std::string& code);

nlohmann::json round_json(const MessagesContext& m);
nlohmann::json message_json(const store::Edition& e, const store::StoredMessage& msg);
// `full`: hidden comments with their text and reason, and the handling (drafters).
nlohmann::json comment_json(const store::StoredComment& c, bool full);

}  // namespace convene::web
