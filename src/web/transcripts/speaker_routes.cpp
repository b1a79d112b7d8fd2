// The addresses of the transcripts' speakers and statistics. Linking labels to people is
// the Secretariat's (the gate: of the edition; each label's link is checked by the policy
// against the editions where it is spoken). Who speaks is public, as the transcripts
// are: counts of words spoken in public sessions, and shares by stakeholder group, gender
// and region of those linked, never one person's gender.
#include "web/site/app.hpp"
#include "web/transcripts/speaker_handlers.hpp"

namespace convene::web {

void add_speaker_routes(App& app) {
    const std::string list = "/editions/{edition:int}/transcripts";
    const std::string speakers = list + "/speakers";
    app.route("GET", speakers, policy::Gate::secretariat_of_edition, speakers_page);
    app.route("GET", speakers + "/label", policy::Gate::secretariat_of_edition, speaker_label_page);
    app.route("POST", speakers + "/links", policy::Gate::secretariat_of_edition, speakers_link);
    app.route("POST", speakers + "/unlinks", policy::Gate::secretariat_of_edition, speakers_unlink);
    app.route("GET", list + "/statistics", policy::Gate::anyone, edition_statistics_page,
              App::cacheable);
    app.route("GET", list + "/{transcript:int}/statistics", policy::Gate::anyone,
              transcript_statistics_page, App::cacheable);

    app.route("GET", "/api/v1" + speakers, policy::Gate::secretariat_of_edition, api_speakers);
    app.route("POST", "/api/v1" + speakers + "/links", policy::Gate::secretariat_of_edition,
              api_speakers_link);
    app.route("POST", "/api/v1" + speakers + "/unlinks", policy::Gate::secretariat_of_edition,
              api_speakers_unlink);
    app.route("GET", "/api/v1" + list + "/statistics", policy::Gate::anyone,
              api_edition_statistics);
    app.route("GET", "/api/v1" + list + "/{transcript:int}/statistics", policy::Gate::anyone,
              api_transcript_statistics);
}

}  // namespace convene::web
