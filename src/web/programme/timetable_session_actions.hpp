#pragma once
// A session's settings for the solver (duration, needed features, people expected,
// tags, fixed place, the sessions it follows), shared by the session's page and the API:
// read from a form or a JSON body, checked (every problem named), saved over the version
// the editor saw and audited.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/programme/programme.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// The session named by {session} in the path; 404 when the edition has none.
programme::ProgrammeSession session_in_path(Exchange& ex, const store::Edition& e);

// `stored` with what the form sent; problems of shape (a number that is not one, an
// unknown room or session code) go to `errors`, named by the form's fields.
programme::ProgrammeSession session_settings_in_form(
    const http::Form& form, const programme::ProgrammeSession& stored,
    const std::vector<programme::ProgrammeSession>& all,
    const std::vector<programme::PlannedRoom>& rooms, FieldErrors& errors);
// The same from a JSON body ({duration, needs, demand, tags, fixed: {room, start} or
// null, after: [codes]}); 422 naming every member at fault. Members left out keep their
// stored value.
programme::ProgrammeSession session_settings_in_body(
    const nlohmann::json& body, const programme::ProgrammeSession& stored,
    const std::vector<programme::ProgrammeSession>& all,
    const std::vector<programme::PlannedRoom>& rooms);

// Checks and saves over `expected_version`: 422 naming every problem, 409 when someone
// saved the session since (nothing is overwritten).
void save_session_settings(Exchange& ex, const store::Edition& e,
                           const programme::ProgrammeSession& session,
                           const std::vector<programme::ProgrammeSession>& all,
                           std::int64_t expected_version);

// The session as the API shows it: its settings, people and "after" links by code.
nlohmann::json session_json(const programme::ProgrammeSession& s,
                            const std::vector<programme::ProgrammeSession>& all);

}  // namespace convene::web
