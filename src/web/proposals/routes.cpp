// The addresses of proposals: the proposers' form, revisions, co-organisers and speakers'
// confirmations.
#include "web/proposals/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_proposals_routes(App& app) {
    app.route("GET", "/proposals", my_proposals);
    app.route("GET", "/editions/{edition:int}/proposals/new", proposal_new_form);
    app.route("POST", "/editions/{edition:int}/proposals", proposal_create);
    app.route("GET", "/proposals/{proposal:int}", proposal_show);
    app.route("POST", "/proposals/{proposal:int}", proposal_update);
    app.route("GET", "/proposals/{proposal:int}/edit", proposal_edit_form);
    app.route("GET", "/proposals/{proposal:int}/revisions", proposal_revisions);
    app.route("GET", "/proposals/{proposal:int}/compare", proposal_compare);
    app.route("POST", "/proposals/{proposal:int}/co-organisers", co_organiser_invite);
    app.route("GET", "/co-organise/{token}", co_organise_form);
    app.route("POST", "/co-organise/{token}", co_organise_accept);
    app.route("GET", "/confirm/{token}", speaker_link_form);
    app.route("POST", "/confirm/{token}", speaker_link_answer);
    app.route("GET", "/api/v1/proposals/{proposal:int}", api_proposal_show);
    app.route("POST", "/api/v1/editions/{edition:int}/proposals", api_proposal_create);
    app.route("PUT", "/api/v1/proposals/{proposal:int}", api_proposal_update);
    app.route("GET", "/api/v1/proposals/{proposal:int}/revisions", api_proposal_revisions);
    app.route("GET", "/api/v1/proposals/{proposal:int}/revisions/{version:int}",
              api_proposal_revision);
    app.route("POST", "/api/v1/proposals/{proposal:int}/co-organisers", api_co_organiser_invite);
    app.route("GET", "/api/v1/me/proposals", api_my_proposals);
    app.route("GET", "/api/v1/confirmations/{token}", api_speaker_link_show);
    app.route("POST", "/api/v1/confirmations/{token}", api_speaker_link_answer);
}

}  // namespace convene::web
