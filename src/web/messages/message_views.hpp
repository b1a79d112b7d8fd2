#pragma once
// The views the messages' pages share: a message as read (its paragraphs rendered from
// Markdown, its positions with their stakeholder groups, the sessions it draws on as
// links), and the message form filled from a message or from what was typed.
#include <nlohmann/json.hpp>

#include "http/form.hpp"
#include "store/editions/editions.hpp"
#include "store/messages/messages.hpp"
#include "web/messages/message_actions.hpp"

namespace convene::web {

// {id, url, title, theme, stance, stance_label, diverging, paragraphs: [{number, html,
// anchor}], positions: [{number, text, groups}], has_positions, sessions: [{code, title,
// url, quote}], session_count, updated_by, version} (no time: the document of every theme
// would format one per message).
nlohmann::json message_view(const store::Edition& e, const store::StoredMessage& msg);

// The form's fields (title, body, stance, citations, positions with their groups), from
// the stored draft or, when `typed`, from the form as sent.
nlohmann::json message_form_view(Exchange& ex, const store::Edition& e,
                                 const messages::Draft& stored, const http::Form* typed,
                                 const FieldErrors& errors);

// The edition's sessions for the form's list, those of `theme` first: [{code, title}].
nlohmann::json session_choices_view(Exchange& ex, const store::Edition& e, ThemeId theme);

// "Government, Civil Society" for codes.
std::string groups_text(const std::vector<std::string>& codes);
// Stakeholder groups and regions for a <select>: [{value, label, selected}].
nlohmann::json group_options(const std::string& current);
nlohmann::json region_options(const std::string& current);

}  // namespace convene::web
