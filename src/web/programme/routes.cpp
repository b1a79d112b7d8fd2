// The addresses of the programme stage: the venue the timetable fills, the draft
// timetable, the public programme (published sessions, "I plan to attend", the reader's
// agenda) and the published programme's feeds.
// timetable, and publishing it (versions, changes awaiting the organisers' consent).
#include <string>

#include "web/programme/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

namespace {

// The published programme as files anyone may read (the venue team's sheets too: they
// hold nothing the public programme does not show but the expected attendance), and a
// participant's own calendar behind its secret address.
void add_feed_routes(App& app) {
    // Every subscribed calendar and app polls these: kept a few seconds (App::cacheable).
    app.route("GET", "/editions/{edition:int}/programme.ics", policy::Gate::anyone, programme_ics,
              App::cacheable);
    app.route("GET", "/editions/{edition:int}/schedule.xml", policy::Gate::anyone,
              programme_schedule_xml, App::cacheable);
    app.route("GET", "/editions/{edition:int}/schedule.json", policy::Gate::anyone,
              programme_schedule_json, App::cacheable);
    app.route("GET", "/editions/{edition:int}/programme.csv", policy::Gate::anyone, programme_csv,
              App::cacheable);
    app.route("GET", "/editions/{edition:int}/programme.xlsx", policy::Gate::anyone, programme_xlsx,
              App::cacheable);
    app.route("GET", "/calendar/{feed}", policy::Gate::anyone, personal_ics);
    app.route("GET", "/editions/{edition:int}/agenda/calendar", policy::Gate::signed_in,
              calendar_page);
    app.route("POST", "/editions/{edition:int}/agenda/calendar", policy::Gate::signed_in,
              calendar_create);
    app.route("GET", "/api/v1/editions/{edition:int}/feeds", policy::Gate::anyone,
              api_programme_feeds);
    app.route("POST", "/api/v1/editions/{edition:int}/agenda/calendar", policy::Gate::signed_in,
              api_calendar_create);
}

}  // namespace

void add_programme_routes(App& app) {
    app.route("GET", "/editions/{edition:int}/venue", policy::Gate::secretariat_of_edition,
              venue_page);
    app.route("POST", "/editions/{edition:int}/venue/rooms", policy::Gate::secretariat_of_edition,
              venue_room_add);
    app.route("GET", "/editions/{edition:int}/venue/rooms/{room:int}",
              policy::Gate::secretariat_of_edition, venue_room_form);
    app.route("POST", "/editions/{edition:int}/venue/rooms/{room:int}",
              policy::Gate::secretariat_of_edition, venue_room_save);
    app.route("GET", "/api/v1/editions/{edition:int}/venue", policy::Gate::anyone, api_venue_show);
    app.route("POST", "/api/v1/editions/{edition:int}/venue/rooms",
              policy::Gate::secretariat_of_edition, api_venue_room_add);
    app.route("PUT", "/api/v1/editions/{edition:int}/venue/rooms/{room:int}",
              policy::Gate::secretariat_of_edition, api_venue_room_save);
    app.route("GET", "/api/v1/editions/{edition:int}/timetable",
              policy::Gate::secretariat_of_edition, api_timetable_show);
    app.route("POST", "/api/v1/editions/{edition:int}/timetable/moves",
              policy::Gate::secretariat_of_edition, api_timetable_move);
    app.long_route("POST", "/api/v1/editions/{edition:int}/timetable/complete",
                   policy::Gate::secretariat_of_edition, api_timetable_complete);
    app.route("GET", "/api/v1/editions/{edition:int}/timetable/settings",
              policy::Gate::secretariat_of_edition, api_timetable_settings_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/timetable/settings",
              policy::Gate::secretariat_of_edition, api_timetable_settings_save);
    app.route("GET", "/editions/{edition:int}/timetable/planning",
              policy::Gate::secretariat_of_edition, planning_page);
    app.route("POST", "/editions/{edition:int}/timetable/planning/sessions",
              policy::Gate::secretariat_of_edition, planning_session_add);
    app.route("POST", "/editions/{edition:int}/timetable/planning/unavailability",
              policy::Gate::secretariat_of_edition, planning_unavailable_add);
    app.route("POST",
              "/editions/{edition:int}/timetable/planning/unavailability/{entry:int}/remove",
              policy::Gate::secretariat_of_edition, planning_unavailable_remove);
    app.route("POST", "/editions/{edition:int}/timetable/planning/time-zones",
              policy::Gate::secretariat_of_edition, planning_time_zone);
    app.route("POST", "/api/v1/editions/{edition:int}/timetable/sessions",
              policy::Gate::secretariat_of_edition, api_planning_session_add);
    app.route("GET", "/api/v1/editions/{edition:int}/timetable/unavailability",
              policy::Gate::secretariat_of_edition, api_planning_unavailable_list);
    app.route("POST", "/api/v1/editions/{edition:int}/timetable/unavailability",
              policy::Gate::secretariat_of_edition, api_planning_unavailable_add);
    app.route("DELETE", "/api/v1/editions/{edition:int}/timetable/unavailability/{entry:int}",
              policy::Gate::secretariat_of_edition, api_planning_unavailable_remove);
    app.route("PUT", "/api/v1/editions/{edition:int}/timetable/time-zones",
              policy::Gate::secretariat_of_edition, api_planning_time_zone);

    app.route("GET", "/editions/{edition:int}/timetable", policy::Gate::secretariat_of_edition,
              timetable_page);
    app.route("POST", "/editions/{edition:int}/timetable/sync",
              policy::Gate::secretariat_of_edition, timetable_sync);
    app.route("POST", "/editions/{edition:int}/timetable/moves",
              policy::Gate::secretariat_of_edition, timetable_move);
    app.long_route("POST", "/editions/{edition:int}/timetable/complete",
                   policy::Gate::secretariat_of_edition, timetable_complete);
    app.route("GET", "/editions/{edition:int}/timetable/settings",
              policy::Gate::secretariat_of_edition, timetable_settings_page);
    app.route("POST", "/editions/{edition:int}/timetable/settings",
              policy::Gate::secretariat_of_edition, timetable_settings_save);
    app.route("GET", "/editions/{edition:int}/timetable/sessions/{session:int}",
              policy::Gate::secretariat_of_edition, timetable_session_page);
    app.route("POST", "/editions/{edition:int}/timetable/sessions/{session:int}",
              policy::Gate::secretariat_of_edition, timetable_session_save);
    app.route("GET", "/api/v1/editions/{edition:int}/timetable/sessions/{session:int}",
              policy::Gate::secretariat_of_edition, api_timetable_session_show);
    app.route("PUT", "/api/v1/editions/{edition:int}/timetable/sessions/{session:int}",
              policy::Gate::secretariat_of_edition, api_timetable_session_save);

    // The public programme: anyone reads it; a signed-in participant marks sessions.
    app.route("GET", "/editions/{edition:int}/programme", policy::Gate::anyone, programme_page,
              App::cacheable);
    app.route("GET", "/editions/{edition:int}/programme/{code}", policy::Gate::anyone,
              programme_session_page, App::cacheable);
    app.route("POST", "/editions/{edition:int}/programme/{code}/attend", policy::Gate::signed_in,
              programme_attend);
    app.route("GET", "/editions/{edition:int}/agenda", policy::Gate::signed_in, agenda_page);
    app.route("GET", "/api/v1/editions/{edition:int}/programme", policy::Gate::anyone,
              api_programme_list);
    app.route("GET", "/api/v1/editions/{edition:int}/programme/{code}", policy::Gate::anyone,
              api_programme_session);
    app.route("PUT", "/api/v1/editions/{edition:int}/programme/{code}/attendance",
              policy::Gate::signed_in, api_programme_attendance);
    app.route("GET", "/api/v1/editions/{edition:int}/agenda", policy::Gate::signed_in, api_agenda);
    add_feed_routes(app);
    // Publishing the timetable; changes to published sessions wait for the organisers.
    const auto secretariat = policy::Gate::secretariat_of_edition;
    const std::string timetable = "/editions/{edition:int}/timetable";
    app.route("POST", timetable + "/publish", secretariat, timetable_publish);
    app.route("GET", timetable + "/versions", secretariat, timetable_versions_page);
    app.route("GET", timetable + "/versions/diff", secretariat, timetable_diff_form);
    app.route("GET", timetable + "/versions/{a:int}/diff/{b:int}", secretariat,
              timetable_diff_page);
    app.route("GET", timetable + "/changes", secretariat, timetable_changes_page);
    app.route("POST", timetable + "/changes/{change:int}/impose", secretariat,
              timetable_change_impose);
    app.route("POST", timetable + "/changes/{change:int}/withdraw", secretariat,
              timetable_change_withdraw);
    app.route("GET", "/consent/{token}", policy::Gate::anyone, consent_form);
    app.route("POST", "/consent/{token}", policy::Gate::anyone, consent_answer);
    app.route("POST", "/api/v1" + timetable + "/publish", secretariat, api_timetable_publish);
    app.route("GET", "/api/v1" + timetable + "/versions", secretariat, api_timetable_versions);
    app.route("GET", "/api/v1" + timetable + "/versions/{a:int}/diff/{b:int}", secretariat,
              api_timetable_diff);
    app.route("GET", "/api/v1" + timetable + "/changes", secretariat, api_timetable_changes);
    app.route("POST", "/api/v1" + timetable + "/changes/{change:int}/impose", secretariat,
              api_timetable_change_impose);
    app.route("POST", "/api/v1" + timetable + "/changes/{change:int}/withdraw", secretariat,
              api_timetable_change_withdraw);
    app.route("GET", "/api/v1/consent/{token}", policy::Gate::anyone, api_consent_show);
    app.route("POST", "/api/v1/consent/{token}", policy::Gate::anyone, api_consent_answer);
}

}  // namespace convene::web
