// A session's settings for the solver under /api/v1, for the Secretariat: read them, and
// change them over the version read (409 when someone saved since).
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_session_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_timetable_session_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = session_in_path(ex, e);
    return http::Response::json(session_json(s, store::programme_sessions(ex.db(), e.id)));
}

http::Response api_timetable_session_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = session_in_path(ex, e);
    auto body = http::parse_json_body(ex.request);
    auto all = store::programme_sessions(ex.db(), e.id);
    auto session =
        session_settings_in_body(body, stored, all, store::load_programme(ex.db(), e.id).rooms);
    if (!body.contains("version") || !body["version"].is_number_integer())
        throw http::unprocessable({{"version", say("timetable.session.send_version")}});
    try {
        save_session_settings(ex, e, session, all, body["version"].get<std::int64_t>());
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        // The API names the fixed place's members as its body does.
        auto fields = err.fields();
        for (auto& f : fields)
            if (f.field == "fixed_start") f.field = "fixed.start";
        throw http::unprocessable(fields);
    }
    auto saved = store::programme_session(ex.db(), e.id, stored.id);
    return http::Response::json(session_json(*saved, store::programme_sessions(ex.db(), e.id)));
}

}  // namespace convene::web
