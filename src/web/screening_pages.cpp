// The Secretariat's screening pages: run screening, read each failure with its reason,
// override a verdict with a written justification, export the sheet.
#include <map>

#include "core/screening.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "store/editions.hpp"
#include "store/proposals.hpp"
#include "web/exchange.hpp"
#include "web/export.hpp"
#include "web/handlers.hpp"
#include "web/views.hpp"

namespace convene::web {

namespace {

std::string verdict(const nlohmann::json& r) {
    if (r["override"].is_null()) return r["passed"].get<bool>() ? "Passed" : "Declined";
    return r["final_passed"].get<bool>() ? "Passed (override)" : "Declined (override)";
}

nlohmann::json result_for(Exchange& ex, std::int64_t edition, std::int64_t proposal) {
    auto r = store::load_screening_result(ex.db(), proposal);
    if (!r || store::edition_of_proposal(ex.db(), proposal) != edition)
        throw http::not_found("This proposal has not been screened in this edition yet.");
    return *r;
}

Table screening_table(Exchange& ex, std::int64_t edition) {
    Table t{{"Number", "Title", "Theme", "Rules say", "Failures", "Override", "Justification",
             "Final"}};
    for (const auto& r : store::load_screening(ex.db(), edition)) {
        std::string failures;
        for (const auto& f : r["failures"])
            failures += (failures.empty() ? "" : "; ") + f["code"].get<std::string>() + ": " +
                        f["message"].get<std::string>();
        bool overridden = !r["override"].is_null();
        t.push_back(
            {std::to_string(r["number"].get<std::int64_t>()), r["title"], r["theme"],
             r["passed"].get<bool>() ? "passed" : "declined", failures,
             overridden ? (r["override"]["passed"].get<bool>() ? "passed" : "declined") : "",
             overridden ? r["override"]["justification"].get<std::string>() : "",
             r["final_passed"].get<bool>() ? "passed" : "declined"});
    }
    return t;
}

// Validates and stores an override; throws 422 naming the field.
void record_override(Exchange& ex, std::int64_t edition, std::int64_t proposal,
                     const std::string& decision, const std::string& justification) {
    result_for(ex, edition, proposal);
    FieldErrors errors;
    if (decision != "pass" && decision != "decline")
        errors.push_back(
            {"decision", "Choose whether the proposal passes screening or is declined."});
    if (auto e = check_text({"justification", "Justification", true, 2000, true}, justification))
        errors.push_back(*e);
    throw_if_invalid(errors);
    const auto& who = ex.require_role(Role::admin, edition);
    store::override_screening(ex.db(), proposal, decision == "pass", trim(justification), who.id,
                              ex.now());
    ex.audit("screening.override", "proposal " + std::to_string(proposal),
             {{"passed", decision == "pass"}, {"justification", trim(justification)}});
}

http::Response decision_page(Exchange& ex, const store::Edition& e, const nlohmann::json& result,
                             const std::string& decision, const std::string& justification,
                             const FieldErrors& errors, int status) {
    nlohmann::json view = {
        {"title", "Screening decision - Convene"},
        {"edition", edition_view(e)},
        {"result", result},
        {"verdict", verdict(result)},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
        {"decision_pass", decision == "pass"},
        {"decision_decline", decision == "decline"},
        {"justification", field_view("justification", "Justification", justification, errors,
                                     "textarea", true, "Recorded in the audit log.")}};
    for (const auto& err : errors)
        if (err.field == "decision") view["decision_error"] = err.message;
    return ex.page("screening_decision", view, status);
}

}  // namespace

http::Response screening_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto results = store::load_screening(ex.db(), e.id);
    std::map<std::string, int> by_code;
    int passed = 0, overridden = 0;
    nlohmann::json rows = nlohmann::json::array();
    for (auto& r : results) {
        passed += r["final_passed"].get<bool>();
        overridden += !r["override"].is_null();
        for (const auto& f : r["failures"]) ++by_code[f["code"].get<std::string>()];
        r["verdict"] = verdict(r);
        r["declined"] = !r["final_passed"].get<bool>();
        rows.push_back(r);
    }
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& [code, n] : by_code) codes.push_back({{"code", code}, {"count", n}});
    nlohmann::json view = {{"title", "Screening of " + e.name + " - Convene"},
                           {"edition", edition_view(e)},
                           {"results", rows},
                           {"screened", !results.empty()},
                           {"total", results.size()},
                           {"passed", passed},
                           {"declined", static_cast<int>(results.size()) - passed},
                           {"overridden", overridden},
                           {"codes", codes}};
    return ex.page("screening", view);
}

http::Response screening_run(Exchange& ex) {
    auto e = managed_edition(ex);
    run_screening(ex, e);
    return http::Response::redirect("/editions/" + std::to_string(e.id) + "/screening");
}

http::Response screening_decision_form(Exchange& ex) {
    auto e = managed_edition(ex);
    auto result = result_for(ex, e.id, ex.params.integer("proposal"));
    std::string decision, justification;
    if (!result["override"].is_null()) {
        decision = result["override"]["passed"].get<bool>() ? "pass" : "decline";
        justification = result["override"]["justification"];
    }
    return decision_page(ex, e, result, decision, justification, {}, 200);
}

http::Response screening_decision(Exchange& ex) {
    auto e = managed_edition(ex);
    auto proposal = ex.params.integer("proposal");
    const auto& form = ex.form();
    try {
        record_override(ex, e.id, proposal, form.get("decision"), form.get("justification"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return decision_page(ex, e, result_for(ex, e.id, proposal), form.get("decision"),
                             form.get("justification"), err.fields(), 422);
    }
    auto number = result_for(ex, e.id, proposal)["number"].get<std::int64_t>();
    return http::Response::redirect("/editions/" + std::to_string(e.id) + "/screening#p" +
                                    std::to_string(number));
}

http::Response screening_csv(Exchange& ex) {
    auto e = managed_edition(ex);
    return csv_download(screening_table(ex, e.id), "screening-" + std::to_string(e.id));
}

http::Response screening_xlsx(Exchange& ex) {
    auto e = managed_edition(ex);
    return xlsx_download(screening_table(ex, e.id), "screening-" + std::to_string(e.id),
                         "Screening");
}

http::Response screening_json(Exchange& ex) {
    auto e = managed_edition(ex);
    auto r = http::Response::json(
        {{"edition", edition_view(e)}, {"results", store::load_screening(ex.db(), e.id)}});
    r.set_header("content-disposition",
                 "attachment; filename=\"screening-" + std::to_string(e.id) + ".json\"");
    return r;
}

http::Response api_screening_override(Exchange& ex) {
    auto proposal = ex.params.integer("proposal");
    auto edition = store::edition_of_proposal(ex.db(), proposal);
    if (!edition) throw http::not_found("There is no proposal with this number.");
    ex.require_role(Role::admin, *edition);
    const auto& form = ex.form();
    std::string decision = form.get("passed") == "1" ? "pass" : form.has("passed") ? "decline" : "";
    record_override(ex, *edition, proposal, decision, form.get("justification"));
    return http::Response::json(result_for(ex, *edition, proposal));
}

}  // namespace convene::web
