// The addresses of the transcripts' archive. Transcripts are published, as the forum
// publishes them: anyone reads the list, each transcript and its downloads; only the
// edition's Secretariat adds one.
#include "web/site/app.hpp"
#include "web/transcripts/handlers.hpp"
#include "web/transcripts/search.hpp"
#include "web/transcripts/speaker_handlers.hpp"

namespace convene::web {

void add_transcripts_routes(App& app) {
    const std::string list = "/editions/{edition:int}/transcripts";
    const std::string one = list + "/{transcript:int}";
    app.route("GET", list, policy::Gate::anyone, transcripts_page, App::cacheable);
    app.long_route("POST", list, policy::Gate::secretariat_of_edition, transcript_add);
    app.route("GET", one, policy::Gate::anyone, transcript_page, App::cacheable);
    app.route("GET", one + "/transcript.txt", policy::Gate::anyone, transcript_text,
              App::cacheable);
    app.route("GET", one + "/transcript.json", policy::Gate::anyone, transcript_json_file,
              App::cacheable);
    app.route("GET", one + "/transcript.vtt", policy::Gate::anyone, transcript_webvtt,
              App::cacheable);

    app.route("GET", "/api/v1" + list, policy::Gate::anyone, api_transcripts);
    app.long_route("POST", "/api/v1" + list, policy::Gate::secretariat_of_edition,
                   api_transcript_add);
    app.route("GET", "/api/v1" + one, policy::Gate::anyone, api_transcript);

    // Searching every transcript is as public as reading them.
    app.route("GET", "/transcripts/search", policy::Gate::anyone, transcript_search_page);
    app.route("GET", "/api/v1/transcripts/search", policy::Gate::anyone, api_transcript_search);
    add_speaker_routes(app);
}

}  // namespace convene::web
