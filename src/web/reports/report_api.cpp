// Session reports under /api/v1: a session's report (its filed parts for anyone, drafts
// and versions for those who may file it), saving the short and the full report, the
// edition's published reports and imported ones, compliance. The same rules as the pages.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/reports/handlers.hpp"
#include "web/reports/report_actions.hpp"
#include "web/reports/report_context.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

http::Response save_api(Exchange& ex, store::ReportPart part) {
    auto t = report_target(ex);
    ex.require_sign_in();
    ex.require(policy::may_file_report(ex.actor(), t.facts), say("reports.not_yours"));
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("reports.body.not_object")}});
    if (!body.contains("version") || !body["version"].is_number_integer() ||
        body["version"].get<std::int64_t>() < 0)
        throw http::unprocessable({{"version", say("reports.error.version")}});
    auto version = body["version"].get<std::int64_t>();
    bool file = false;
    if (body.contains("file")) {
        if (!body["file"].is_boolean())
            throw http::unprocessable({{"file", say("reports.error.file")}});
        file = body["file"].get<bool>();
    }
    body.erase("version");
    body.erase("file");
    bool is_short = part == store::ReportPart::short_report;
    for (const auto& [name, value] : body.items()) {
        bool known = is_short ? name == "key_messages"
                              : (name == "fields" || name == "speakers" ||
                                 name == "women_present" || name == "gender_discussed");
        if (!known)
            throw http::unprocessable(
                {{name, say("reports.error.unknown_member", {{"name", name}})}});
    }
    nlohmann::json content;
    try {
        content = is_short ? reports::to_json(reports::short_from_json(body))
                           : reports::to_json(reports::full_from_json(body));
    } catch (const InputError& e) {
        throw http::unprocessable({e.as_field_error()});
    }
    auto attempt = save_report_part(ex, t, part, content, file, version);
    auto after = report_target(ex);
    auto document = report_json(ex, after);
    if (attempt.conflict()) {
        document["type"] = "about:blank";
        document["title"] = say("reports.conflict.title");
        document["status"] = 409;
        document["detail"] = say("reports.conflict.detail", {{"version", attempt.outcome.version}});
        document["errors"] = nlohmann::json::array();
        document["errors"].push_back(
            {{"field", "version"},
             {"message", say("reports.conflict.detail", {{"version", attempt.outcome.version}})}});
        document["yours"] = content;
        auto r = http::Response::json(document, 409);
        r.content_type = "application/problem+json";
        return r;
    }
    if (!attempt.errors.empty()) {
        document["type"] = "about:blank";
        document["title"] = say("site.some_fields_need_attention");
        document["status"] = 422;
        document["detail"] = say("reports.error.kept_as_draft");
        document["errors"] = nlohmann::json::array();
        for (const auto& e : attempt.errors)
            document["errors"].push_back({{"field", e.field}, {"message", e.message}});
        auto r = http::Response::json(document, 422);
        r.content_type = "application/problem+json";
        return r;
    }
    document["late"] = attempt.outcome.late;
    return http::Response::json(document);
}

}  // namespace

http::Response api_report_show(Exchange& ex) {
    return http::Response::json(report_json(ex, report_target(ex)));
}

http::Response api_report_short_save(Exchange& ex) {
    return save_api(ex, store::ReportPart::short_report);
}

http::Response api_report_full_save(Exchange& ex) {
    return save_api(ex, store::ReportPart::full_report);
}

}  // namespace convene::web
