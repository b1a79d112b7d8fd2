// The timetable's forms that change the draft, on the actions the API shares: move a
// session by choosing a room and a start (or take it off the grid), and complete the
// timetable with the solver (keeping what is placed, or free to move, or re-planning from
// the published timetable with the fewest changes). A refused move comes back on the
// session's page with the reason, a refused run on the grid; nothing is half-stored.
#include <optional>
#include <string>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_actions.hpp"
#include "web/programme/timetable_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::optional<std::int64_t> whole(const std::string& typed) {
    if (typed.empty() || typed.size() > 12 ||
        typed.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(typed);
}

}  // namespace

http::Response timetable_move(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    auto id = whole(form.get("session"));
    auto session = id ? store::programme_session(ex.db(), e.id, SessionId(*id)) : std::nullopt;
    if (!session) throw http::not_found(say("timetable.session.no_such"));
    MoveRequest move;
    move.session = session->id;
    // A version that does not read is one nobody has: the move is refused as stale.
    move.version = whole(form.get("version")).value_or(-1);
    bool off = form.get("take_off") == "1";
    if (!off) {
        auto room = whole(form.get("room"));
        move.to = programme::Slot{RoomId(room.value_or(0)), form.get("start")};
    }
    try {
        move_session(ex, e, move);
    } catch (const http::Error& err) {
        if (err.status() != 409 && err.status() != 422 && err.status() != 404) throw;
        ex.restart_write();
        auto notice = err.fields().empty() ? err.detail() : err.fields().front().message;
        return session_with(ex, e, *session, nullptr, &form, {}, err.status(), notice);
    }
    if (off) return http::Response::redirect(edition_url(e, "/timetable?taken_off=1#unplaced"));
    return http::Response::redirect(
        edition_url(e, "/timetable?day=" + move.to->start.substr(0, 10) +
                           "&moved=" + to_string(session->id) + "#moved"));
}

http::Response timetable_complete(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    bool replan = form.get("replan") == "1";
    bool keep = !replan && form.get("keep_placed") != "0";
    CompletedTimetable done;
    try {
        done = complete_timetable(ex, e, keep, 5);
    } catch (const http::Error& err) {
        if (err.status() != 409 && err.status() != 422) throw;
        ex.restart_write();
        FieldErrors errors = err.fields();
        if (errors.empty()) errors.push_back({"timetable", err.detail()});
        return timetable_with(ex, e, "", errors, err.status());
    }
    const auto& r = done.result;
    std::string query =
        std::string("?completed=") + (replan ? "replan" : "run") +
        "&placed=" + std::to_string(r.placed) + "&unplaced=" + std::to_string(r.unplaced.size()) +
        "&total=" + std::to_string(r.objective.total) + "&bound=" + std::to_string(r.lower_bound) +
        "&optimal=" + (r.optimal ? "1" : "0") + "&added=" + std::to_string(done.brought_in) +
        "#result";
    return http::Response::redirect(edition_url(e, "/timetable" + query));
}

}  // namespace convene::web
