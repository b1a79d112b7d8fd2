#pragma once
// Saving a part of a session's report, for the form and the API alike: checks who asks,
// checks the limits (over them, what was typed is kept as a draft and the fields are
// named), and stores it under the version the form was opened on (a stale one is kept as
// a conflict and told).
#include <nlohmann/json.hpp>
#include <optional>

#include "core/common/field_error.hpp"
#include "store/reports/reports.hpp"
#include "web/reports/report_context.hpp"

namespace convene::web {

class Exchange;

struct ReportAttempt {
    store::SaveOutcome outcome;
    FieldErrors errors;  // limits broken (the text was kept as a draft)
    bool conflict() const { return !outcome.saved; }
};

// 403 when the reader may not file this session's report.
ReportAttempt save_report_part(Exchange& ex, const ReportTarget& t, store::ReportPart part,
                               const nlohmann::json& content, bool file,
                               std::int64_t expected_version);

}  // namespace convene::web
