#pragma once
// The handlers of the transcripts' speakers and statistics: the Secretariat's page of
// every speaker label (of an edition, or of every edition) with suggestions, a label's
// page (its transcripts, people it may be, finding one, a new one), linking and
// unlinking; who speaks, per edition and per transcript, as charts with their tables;
// and the same under /api/v1. Registered by add_speaker_routes (speaker_routes.cpp).
#include "http/message.hpp"

namespace convene::web {

class App;
class Exchange;

void add_speaker_routes(App& app);

http::Response speakers_page(Exchange&);
http::Response speaker_label_page(Exchange&);
http::Response speakers_link(Exchange&);
http::Response speakers_unlink(Exchange&);
http::Response api_speakers(Exchange&);
http::Response api_speakers_link(Exchange&);
http::Response api_speakers_unlink(Exchange&);

http::Response edition_statistics_page(Exchange&);
http::Response transcript_statistics_page(Exchange&);
http::Response api_edition_statistics(Exchange&);
http::Response api_transcript_statistics(Exchange&);

}  // namespace convene::web
