#pragma once
// What the Secretariat adds to the programme by hand, shared by the pages and the API:
// the sessions it creates itself, the times people cannot be there, and online
// speakers' time zones. Each is checked (every problem named), written in the request's
// transaction and audited.
#include <nlohmann/json.hpp>
#include <string>

#include "core/programme/programme.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// The form's session: code, title, session_type, duration, need_<feature>, demand,
// people (one "e-mail, role" a line), fixed_room and fixed_start. Problems of shape go to
// `errors`, named by field.
programme::ProgrammeSession created_session_in_form(Exchange& ex, const http::Form& form,
                                                    FieldErrors& errors);
// The JSON body's session ({code, title, session_type, duration, needs, demand,
// people: [{email, role}], fixed: {room, start}}); 422 naming the member.
programme::ProgrammeSession created_session_in_body(Exchange& ex, const nlohmann::json& body);
// Adds it; 422 naming every problem (with the form's `shape_errors`), 409 naming `code`
// when the code is taken.
SessionId create_session(Exchange& ex, const store::Edition& e, programme::ProgrammeSession s,
                         FieldErrors shape_errors = {});

// Adds the time `email`'s person cannot be there; 422 naming `email`, `start` or `end`.
void add_unavailable(Exchange& ex, const store::Edition& e, const std::string& email,
                     const std::string& start, const std::string& end);
// 404 when the edition has no such entry.
void remove_unavailable(Exchange& ex, const store::Edition& e, std::int64_t id);
// Sets the time zone of `email`'s person ("" for at the venue); 422 naming the field.
void set_time_zone(Exchange& ex, const std::string& email, const std::string& zone);

nlohmann::json unavailable_json(Exchange& ex, const store::Edition& e);

}  // namespace convene::web
