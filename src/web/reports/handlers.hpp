#pragma once
// The handlers of session reports (web/reports/routes.cpp registers them).
#include "http/message.hpp"

namespace convene::web {

class Exchange;

// The edition's template and deadlines.
http::Response report_settings_page(Exchange& ex);
http::Response report_settings_save(Exchange& ex);
http::Response api_report_settings_show(Exchange& ex);
http::Response api_report_settings_save(Exchange& ex);

// Filing a session's short and full report.
http::Response report_file_page(Exchange& ex);
http::Response report_short_save(Exchange& ex);
http::Response report_full_save(Exchange& ex);
http::Response api_report_show(Exchange& ex);
http::Response api_report_short_save(Exchange& ex);
http::Response api_report_full_save(Exchange& ex);

// Published reports: the edition's list, an imported report of a past year, compliance.
http::Response reports_list_page(Exchange& ex);
http::Response api_reports_list(Exchange& ex);
http::Response imported_report_page(Exchange& ex);
http::Response api_imported_report(Exchange& ex);
http::Response report_compliance_page(Exchange& ex);
http::Response api_report_compliance(Exchange& ex);

// Reminders due now (the compliance page's button, the API).
http::Response report_reminders_send(Exchange& ex);
http::Response api_report_reminders_send(Exchange& ex);

// The reports' statistics, per edition and across editions.
http::Response report_statistics_page(Exchange& ex);
http::Response api_report_statistics(Exchange& ex);
http::Response reports_across_editions_page(Exchange& ex);
http::Response api_reports_across_editions(Exchange& ex);

}  // namespace convene::web
