#include "web/reports/report_actions.hpp"

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

ReportAttempt save_report_part(Exchange& ex, const ReportTarget& t, store::ReportPart part,
                               const nlohmann::json& content, bool file,
                               std::int64_t expected_version) {
    const auto& account = ex.require_sign_in();
    ex.require(policy::may_file_report(ex.actor(), t.facts), say("reports.not_yours"));
    bool is_short = part == store::ReportPart::short_report;
    ReportAttempt a;
    a.errors = is_short ? reports::check_short(reports::short_from_json(content), t.settings, file)
                        : reports::check_full(reports::full_from_json(content), t.settings, file);
    // A part once filed stays filed: every later save updates it.
    bool filed =
        is_short ? t.report.short_filed_at.has_value() : t.report.full_filed_at.has_value();
    bool filing = (file || filed) && a.errors.empty();
    store::ReportSave save;
    save.part = part;
    save.content = content;
    save.file = filing;
    save.expected_version = expected_version;
    save.account = account.id;
    save.author = account.name;
    save.now = ex.now();
    save.due = is_short ? t.due.short_due : t.due.full_due;
    // Over the limits on a filed report: the published text stays as it was; what was
    // typed is kept as a version.
    save.version_only = filed && !a.errors.empty();
    a.outcome = store::save_report(ex.db(), t.edition.id, t.session.session.id, save);
    // A 409 or 422 answer still keeps what was sent (a conflict version, a draft).
    ex.keep_writes_on_error();
    ex.audit(a.conflict() ? "report.conflict"
             : filing     ? "report.file"
                          : "report.draft",
             "session " + to_string(t.session.session.id),
             {{"part", store::part_name(part)},
              {"version", a.outcome.version},
              {"late", a.outcome.late}});
    return a;
}

}  // namespace convene::web
