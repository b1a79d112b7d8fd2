#pragma once
// The handlers of the messages of the year: the edition's overview (the Secretariat's
// comment period and publishing), writing and editing a message (with its history), a
// message's page with its paragraphs, sessions, positions and public comments, the MAG's
// view of the comments by paragraph (how each was handled; the Secretariat hides abuse),
// the published pages (one per theme, a printable document), and the same under /api/v1;
// registered in routes.cpp.
#include <nlohmann/json.hpp>

#include "core/common/ids.hpp"
#include "http/message.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

http::Response messages_page(Exchange&);
http::Response messages_period(Exchange&);
http::Response messages_publish(Exchange&);
http::Response message_new_form(Exchange&);
http::Response message_create(Exchange&);
http::Response message_page(Exchange&);
http::Response message_edit_form(Exchange&);
http::Response message_save(Exchange&);
http::Response message_history_page(Exchange&);
http::Response message_comment_add(Exchange&);
http::Response message_comments_page(Exchange&);
http::Response message_comment_handle(Exchange&);
http::Response message_comment_hide(Exchange&);
http::Response messages_theme_page(Exchange&);
http::Response messages_document_page(Exchange&);

http::Response api_messages(Exchange&);
http::Response api_message_create(Exchange&);
http::Response api_message(Exchange&);
http::Response api_message_save(Exchange&);
http::Response api_message_versions(Exchange&);
http::Response api_message_comments(Exchange&);
http::Response api_message_comment_add(Exchange&);
http::Response api_message_comment_handle(Exchange&);
http::Response api_message_comment_hide(Exchange&);
http::Response api_messages_period(Exchange&);
http::Response api_messages_publish(Exchange&);

// For the session's public page: the messages citing the session, [{title, url, theme,
// stance, quote}], once the reader may read them; an empty list otherwise.
nlohmann::json messages_citing_view(Exchange& ex, const store::Edition& e, SessionId session);

}  // namespace convene::web
