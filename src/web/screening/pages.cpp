// The Secretariat's screening pages: run screening, read each failure with its reason,
// override a verdict with a written justification, export the sheet.
#include <map>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/screening/screening.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "web/proposals/list_actions.hpp"
#include "web/screening/actions.hpp"
#include "web/screening/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/export.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response screening_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto results = store::load_screening(ex.db(), e.id);
    std::map<std::string, int> by_code;
    int passed = 0, overridden = 0;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : results) {
        passed += r.final_passed();
        overridden += r.override_by_secretariat.has_value();
        for (const auto& f : r.failures) ++by_code[f.code];
        auto row = screening_result_view(r);
        row["verdict"] = verdict(r);
        row["declined"] = !r.final_passed();
        rows.push_back(std::move(row));
    }
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& [code, n] : by_code) codes.push_back({{"code", code}, {"count", n}});
    // The summary counts every result; the table shows the filtered page.
    auto selection = select_proposals(ex, e);
    auto listed = list_page(selection, filtered_rows(rows, selection), rows.size(),
                            edition_url(e, "/screening"));
    nlohmann::json view = {{"title", say("page.screening.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"results", listed.rows},
                           {"has_results", !listed.rows.empty()},
                           {"filter", listed.view},
                           {"screened", !results.empty()},
                           {"total", results.size()},
                           {"passed", passed},
                           {"declined", static_cast<int>(results.size()) - passed},
                           {"overridden", overridden},
                           {"codes", codes}};
    return ex.page("screening/screening", view);
}

http::Response screening_run(Exchange& ex) {
    auto e = managed_edition(ex);
    run_screening(ex, e);
    return http::Response::redirect("/editions/" + to_string(e.id) + "/screening");
}

http::Response screening_decision_form(Exchange& ex) {
    auto e = managed_edition(ex);
    auto result = result_for(ex, e.id, ex.params.id<ProposalId>("proposal"));
    std::string decision, justification;
    if (const auto& o = result.override_by_secretariat) {
        decision = o->passed ? "pass" : "decline";
        justification = o->justification;
    }
    return decision_page(ex, e, result, decision, justification, {}, 200);
}

http::Response screening_decision(Exchange& ex) {
    auto e = managed_edition(ex);
    auto proposal = ex.params.id<ProposalId>("proposal");
    const auto& form = ex.form();
    try {
        record_override(ex, e.id, proposal, form.get("decision"), form.get("justification"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return decision_page(ex, e, result_for(ex, e.id, proposal), form.get("decision"),
                             form.get("justification"), err.fields(), 422);
    }
    auto number = result_for(ex, e.id, proposal).number;
    return http::Response::redirect("/editions/" + to_string(e.id) + "/screening#p" +
                                    std::to_string(number));
}

http::Response screening_csv(Exchange& ex) {
    auto e = managed_edition(ex);
    return csv_download(screening_table(ex, e.id), "screening-" + to_string(e.id));
}

http::Response screening_xlsx(Exchange& ex) {
    auto e = managed_edition(ex);
    return xlsx_download(screening_table(ex, e.id), "screening-" + to_string(e.id),
                         say("screening.screening"));
}

http::Response screening_json(Exchange& ex) {
    auto e = managed_edition(ex);
    auto r = http::Response::json(
        {{"edition", edition_view(e)},
         {"results", screening_results_view(store::load_screening(ex.db(), e.id))}});
    r.set_header("content-disposition",
                 "attachment; filename=\"screening-" + to_string(e.id) + ".json\"");
    return r;
}

}  // namespace convene::web
