// The addresses of proposals: the proposers' form, revisions, co-organisers and speakers'
// confirmations.
#include "web/proposals/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_proposals_routes(App& app) {
    // A proposal form sent after the sign-in expired comes back filled in these pages.
    app.refill("/editions/{edition:int}/proposals", "/new");
    app.refill("/proposals/{proposal:int}", "/edit");
    app.route("GET", "/proposals", policy::Gate::signed_in, my_proposals);
    app.route("GET", "/editions/{edition:int}/proposals", policy::Gate::secretariat_of_edition,
              proposal_list_page);
    app.route("GET", "/api/v1/editions/{edition:int}/proposals",
              policy::Gate::secretariat_of_edition, api_proposal_list);
    app.route("GET", "/editions/{edition:int}/proposals/new", policy::Gate::signed_in,
              proposal_new_form);
    app.route("POST", "/editions/{edition:int}/proposals", policy::Gate::signed_in,
              proposal_create);
    app.route("GET", "/proposals/{proposal:int}", policy::Gate::signed_in, proposal_show);
    app.route("POST", "/proposals/{proposal:int}", policy::Gate::signed_in, proposal_update);
    app.route("GET", "/proposals/{proposal:int}/edit", policy::Gate::signed_in, proposal_edit_form);
    app.route("GET", "/proposals/{proposal:int}/revisions", policy::Gate::signed_in,
              proposal_revisions);
    app.route("GET", "/proposals/{proposal:int}/compare", policy::Gate::signed_in,
              proposal_compare);
    app.route("POST", "/proposals/{proposal:int}/withdraw", policy::Gate::signed_in,
              proposal_withdraw);
    app.route("POST", "/proposals/{proposal:int}/co-organisers", policy::Gate::signed_in,
              co_organiser_invite);
    app.route("GET", "/co-organise/{token}", policy::Gate::anyone, co_organise_form);
    app.route("POST", "/co-organise/{token}", policy::Gate::anyone, co_organise_accept);
    app.route("GET", "/confirm/{token}", policy::Gate::anyone, speaker_link_form);
    app.route("POST", "/confirm/{token}", policy::Gate::anyone, speaker_link_answer);
    app.route("GET", "/api/v1/proposals/{proposal:int}", policy::Gate::signed_in,
              api_proposal_show);
    app.route("POST", "/api/v1/editions/{edition:int}/proposals", policy::Gate::signed_in,
              api_proposal_create);
    app.route("PUT", "/api/v1/proposals/{proposal:int}", policy::Gate::signed_in,
              api_proposal_update);
    app.route("POST", "/api/v1/proposals/{proposal:int}/withdrawal", policy::Gate::signed_in,
              api_proposal_withdraw);
    app.route("GET", "/api/v1/proposals/{proposal:int}/revisions", policy::Gate::signed_in,
              api_proposal_revisions);
    app.route("GET", "/api/v1/proposals/{proposal:int}/revisions/{version:int}",
              policy::Gate::signed_in, api_proposal_revision);
    app.route("POST", "/api/v1/proposals/{proposal:int}/co-organisers", policy::Gate::signed_in,
              api_co_organiser_invite);
    app.route("GET", "/api/v1/me/proposals", policy::Gate::signed_in, api_my_proposals);
    app.route("GET", "/api/v1/confirmations/{token}", policy::Gate::anyone, api_speaker_link_show);
    app.route("POST", "/api/v1/confirmations/{token}", policy::Gate::anyone,
              api_speaker_link_answer);
}

}  // namespace convene::web
