#pragma once
// The handlers of the programme stage: the venue (rooms, features, open windows) the
// timetable fills, the draft timetable and its planning, the public programme with "I
// plan to attend" and the reader's agenda, and the published programme's feeds; plain
// functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response venue_page(Exchange&);
http::Response venue_room_add(Exchange&);
http::Response venue_room_form(Exchange&);
http::Response venue_room_save(Exchange&);
http::Response api_venue_show(Exchange&);
http::Response api_venue_room_add(Exchange&);
http::Response api_venue_room_save(Exchange&);
http::Response api_timetable_show(Exchange&);
http::Response api_timetable_move(Exchange&);
http::Response api_timetable_complete(Exchange&);
http::Response api_timetable_settings_show(Exchange&);
http::Response api_timetable_settings_save(Exchange&);
http::Response planning_page(Exchange&);
http::Response planning_session_add(Exchange&);
http::Response planning_unavailable_add(Exchange&);
http::Response planning_unavailable_remove(Exchange&);
http::Response planning_time_zone(Exchange&);
http::Response api_planning_session_add(Exchange&);
http::Response api_planning_unavailable_list(Exchange&);
http::Response api_planning_unavailable_add(Exchange&);
http::Response api_planning_unavailable_remove(Exchange&);
http::Response api_planning_time_zone(Exchange&);

http::Response programme_page(Exchange&);
http::Response programme_session_page(Exchange&);
http::Response programme_attend(Exchange&);
http::Response agenda_page(Exchange&);
http::Response api_programme_list(Exchange&);
http::Response api_programme_session(Exchange&);
http::Response api_programme_attendance(Exchange&);
http::Response api_agenda(Exchange&);
// The published programme's feeds (feed_pages.cpp) and the personal calendar
// (calendar_pages.cpp).
http::Response programme_ics(Exchange&);
http::Response programme_schedule_xml(Exchange&);
http::Response programme_schedule_json(Exchange&);
http::Response programme_csv(Exchange&);
http::Response programme_xlsx(Exchange&);
http::Response personal_ics(Exchange&);
http::Response calendar_page(Exchange&);
http::Response calendar_create(Exchange&);
http::Response api_programme_feeds(Exchange&);
http::Response api_calendar_create(Exchange&);
// The Secretariat's timetable: the grid, each session's page (move, settings), the
// solver's runs.
http::Response timetable_page(Exchange&);
http::Response timetable_sync(Exchange&);
http::Response timetable_move(Exchange&);
http::Response timetable_complete(Exchange&);
http::Response timetable_settings_page(Exchange&);
http::Response timetable_settings_save(Exchange&);
http::Response timetable_session_page(Exchange&);
http::Response timetable_session_save(Exchange&);
http::Response api_timetable_session_show(Exchange&);
http::Response api_timetable_session_save(Exchange&);

// Publishing: versions, diffs, changes awaiting consent (publish_pages.cpp,
// consent_pages.cpp, publish_api.cpp).
http::Response timetable_publish(Exchange&);
http::Response timetable_versions_page(Exchange&);
http::Response timetable_diff_form(Exchange&);
http::Response timetable_diff_page(Exchange&);
http::Response timetable_changes_page(Exchange&);
http::Response timetable_change_impose(Exchange&);
http::Response timetable_change_withdraw(Exchange&);
http::Response consent_form(Exchange&);
http::Response consent_answer(Exchange&);
http::Response api_timetable_publish(Exchange&);
http::Response api_timetable_versions(Exchange&);
http::Response api_timetable_diff(Exchange&);
http::Response api_timetable_changes(Exchange&);
http::Response api_timetable_change_impose(Exchange&);
http::Response api_timetable_change_withdraw(Exchange&);
http::Response api_consent_show(Exchange&);
http::Response api_consent_answer(Exchange&);

}  // namespace convene::web
