#pragma once
// The handlers of participants' feedback: rating a session from its page or the API, a
// session's results for its organisers and the Secretariat, and the edition's results by
// theme and session type for the Secretariat; registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response feedback_save(Exchange&);
http::Response feedback_session_page(Exchange&);
http::Response feedback_edition_page(Exchange&);
http::Response api_feedback_save(Exchange&);
http::Response api_feedback_session(Exchange&);
http::Response api_feedback_edition(Exchange&);

}  // namespace convene::web
