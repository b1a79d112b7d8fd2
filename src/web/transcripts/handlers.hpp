#pragma once
// The handlers of the transcripts' archive: an edition's list (with the Secretariat's
// form that adds one, a file or pasted text), each transcript's page and its downloads
// (plain text in the forum's format, JSON, WebVTT when timed), and the same under
// /api/v1; registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response transcripts_page(Exchange&);
http::Response transcript_add(Exchange&);
http::Response transcript_page(Exchange&);
http::Response transcript_text(Exchange&);
http::Response transcript_json_file(Exchange&);
http::Response transcript_webvtt(Exchange&);

http::Response api_transcripts(Exchange&);
http::Response api_transcript_add(Exchange&);
http::Response api_transcript(Exchange&);

}  // namespace convene::web
