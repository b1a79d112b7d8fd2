// The addresses of remote participation. The Secretariat sets online links and the date
// they are published from; hubs need an account, and the handler checks that the hub is
// the reader's (or the reader is the edition's Secretariat: policy::may_edit_hub).
#include <string>

#include "web/live/remote_handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_remote_routes(App& app) {
    const auto secretariat = policy::Gate::secretariat_of_edition;
    const auto signed_in = policy::Gate::signed_in;
    const std::string edition = "/editions/{edition:int}";
    const std::string online = edition + "/timetable/sessions/{session:int}/online";
    const std::string room_online = edition + "/live-rooms/{room:int}/online";
    const std::string hubs = edition + "/hubs";
    const std::string hub = hubs + "/{hub:int}";
    app.route("GET", edition + "/remote", secretariat, remote_page);
    app.route("POST", edition + "/remote", secretariat, remote_save);
    app.route("GET", online, secretariat, session_online_page);
    app.route("POST", online, secretariat, session_online_save);
    app.route("GET", room_online, secretariat, room_online_page);
    app.route("POST", room_online, secretariat, room_online_save);
    app.route("GET", hubs, signed_in, hubs_page);
    app.route("POST", hubs, signed_in, hub_register);
    app.route("GET", hubs + "/regions", secretariat, hub_regions_page);
    app.route("GET", hub, signed_in, hub_page);
    app.route("POST", hub, signed_in, hub_save);
    app.route("POST", hub + "/sessions", signed_in, hub_follow);

    app.route("GET", "/api/v1" + edition + "/remote", secretariat, api_remote_show);
    app.route("PUT", "/api/v1" + edition + "/remote", secretariat, api_remote_save);
    app.route("GET", "/api/v1" + online, secretariat, api_session_online_show);
    app.route("PUT", "/api/v1" + online, secretariat, api_session_online_save);
    app.route("PUT", "/api/v1" + room_online, secretariat, api_room_online_save);
    app.route("GET", "/api/v1" + hubs, signed_in, api_hubs);
    app.route("POST", "/api/v1" + hubs, signed_in, api_hub_register);
    app.route("GET", "/api/v1" + hubs + "/regions", secretariat, api_hub_regions);
    app.route("GET", "/api/v1" + hub, signed_in, api_hub);
    app.route("PUT", "/api/v1" + hub, signed_in, api_hub_save);
    app.route("PUT", "/api/v1" + hub + "/sessions", signed_in, api_hub_follow);
}

}  // namespace convene::web
