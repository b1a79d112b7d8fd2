// The addresses of session reports: the edition's template and deadlines (its
// Secretariat), a session's filing page (its rapporteur and organisers, the Secretariat;
// the handler asks policy::may_file_report), the published reports and imported ones
// (anyone), the compliance page and its reminders (the Secretariat), and the reports'
// statistics per edition and across editions (anyone).
#include <string>

#include "web/reports/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_reports_routes(App& app) {
    const auto secretariat = policy::Gate::secretariat_of_edition;
    const auto signed_in = policy::Gate::signed_in;
    const auto anyone = policy::Gate::anyone;
    const std::string edition = "/editions/{edition:int}";
    const std::string report = edition + "/programme/{code}/report";
    // A report posted after the sign-in expired comes back filled in its page.
    app.refill(report + "/short", "");
    app.refill(report + "/full", "");
    app.route("GET", edition + "/reports/settings", secretariat, report_settings_page);
    app.route("POST", edition + "/reports/settings", secretariat, report_settings_save);
    app.route("GET", edition + "/reports/compliance", secretariat, report_compliance_page);
    app.long_route("POST", edition + "/reports/reminders", secretariat, report_reminders_send);
    app.route("GET", edition + "/reports/statistics", anyone, report_statistics_page,
              App::cacheable);
    app.route("GET", "/reports/statistics", anyone, reports_across_editions_page, App::cacheable);
    app.route("GET", edition + "/reports", anyone, reports_list_page);
    app.route("GET", edition + "/reports/imported/{number:int}", anyone, imported_report_page);
    app.route("GET", report, signed_in, report_file_page);
    app.route("GET", report + "/short", signed_in, report_file_page);
    app.route("GET", report + "/full", signed_in, report_file_page);
    app.route("POST", report + "/short", signed_in, report_short_save);
    app.route("POST", report + "/full", signed_in, report_full_save);

    app.route("GET", "/api/v1" + edition + "/reports/settings", secretariat,
              api_report_settings_show);
    app.route("PUT", "/api/v1" + edition + "/reports/settings", secretariat,
              api_report_settings_save);
    app.route("GET", "/api/v1" + edition + "/reports/compliance", secretariat,
              api_report_compliance);
    app.long_route("POST", "/api/v1" + edition + "/reports/reminders", secretariat,
                   api_report_reminders_send);
    app.route("GET", "/api/v1" + edition + "/reports/statistics", anyone, api_report_statistics);
    app.route("GET", "/api/v1/reports/statistics", anyone, api_reports_across_editions);
    app.route("GET", "/api/v1" + edition + "/reports", anyone, api_reports_list);
    app.route("GET", "/api/v1" + edition + "/reports/imported/{number:int}", anyone,
              api_imported_report);
    app.route("GET", "/api/v1" + report, anyone, api_report_show);
    app.route("PUT", "/api/v1" + report + "/short", signed_in, api_report_short_save);
    app.route("PUT", "/api/v1" + report + "/full", signed_in, api_report_full_save);
}

}  // namespace convene::web
