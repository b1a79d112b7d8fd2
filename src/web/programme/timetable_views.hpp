#pragma once
// The Secretariat's draft timetable as the grid and the session pages show it: the
// edition's programme, the solver's instance of it, the hard conflicts the checker finds
// and the compromises in words, each linking to its sessions.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/programme/checker.hpp"
#include "core/programme/compromises.hpp"
#include "core/programme/programme.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

struct TimetableDraft {
    programme::EditionProgramme programme;
    programme::EditionInstance instance;  // nothing kept fixed but the sessions' own places
    programme::Timetable timetable;       // the draft, per instance session
    programme::CheckReport report;        // the hard conflicts
    std::vector<programme::Compromise> compromises;
    std::map<SessionId, std::int64_t> versions;  // of each placement

    const programme::ProgrammeSession* session(SessionId id) const;
    // The instance's index of the session, -1 when it is not in it (cancelled).
    int index(SessionId id) const;
};

TimetableDraft load_draft(Exchange& ex, const store::Edition& e);

// "/editions/7/timetable/sessions/12"
std::string session_url(const store::Edition& e, SessionId id);

// Every conflict and compromise, or only those of `only`: [{kind, hard, text, sessions:
// [{code, url}]}] with the hard ones first.
nlohmann::json conflicts_view(const TimetableDraft& d, const store::Edition& e,
                              std::optional<SessionId> only = std::nullopt);

// The starts a session may take on each day of the edition: the grid's steps from the
// first room's opening to the last room's closing ("2027-06-23T09:00"), by day.
std::vector<std::pair<std::string, std::vector<std::string>>> grid_starts(
    const programme::EditionProgramme& p, const store::Edition& e);

// "Room 2, 2027-06-23 10:00–11:30", or the catalog's "not on the grid".
std::string place_words(const TimetableDraft& d, const programme::ProgrammeSession& s);

// The grid page of `day` ("" for the one the query names, or the first), with `errors`
// on top (a refused move or run, say) and `status`.
http::Response timetable_with(Exchange& ex, const store::Edition& e, const std::string& day,
                              const FieldErrors& errors, int status);

// A session's page: where it is, the move form (with what `typed_move` chose), its
// conflicts, and its settings form (with what `typed_settings` holds and `errors`);
// `notice` on top (a refused move, a stale save).
http::Response session_with(Exchange& ex, const store::Edition& e,
                            const programme::ProgrammeSession& s, const http::Form* typed_settings,
                            const http::Form* typed_move, const FieldErrors& errors, int status,
                            const std::string& notice);

}  // namespace convene::web
