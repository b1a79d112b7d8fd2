// The Secretariat's "Send due reminders now" (the compliance page's button) and POST
// /api/v1/editions/{id}/reports/reminders: the reminder run of one edition, at once, in
// the request's transaction. What was sent before is not sent again.
#include "core/common/messages.hpp"
#include "web/reports/handlers.hpp"
#include "web/reports/reminders.hpp"
#include "web/site/app.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

ReminderRun remind(Exchange& ex, const store::Edition& e) {
    auto run = send_report_reminders(ex.db(), e, ex.now(), ex.app.config().base_url);
    ex.audit("reports.remind", "edition " + to_string(e.id),
             {{"queued", run.queued}, {"sessions", run.sessions}});
    return run;
}

}  // namespace

http::Response report_reminders_send(Exchange& ex) {
    auto e = managed_edition(ex);
    auto run = remind(ex, e);
    return http::Response::redirect(
        edition_url(e, "/reports/compliance?reminded=" + std::to_string(run.queued) +
                           "&sessions=" + std::to_string(run.sessions) + "#reminders"));
}

http::Response api_report_reminders_send(Exchange& ex) {
    auto e = managed_edition(ex);
    auto run = remind(ex, e);
    return http::Response::json(
        {{"edition", e.id}, {"queued", run.queued}, {"sessions", run.sessions}});
}

}  // namespace convene::web
