// The Secretariat's list of an edition's proposals, searched, filtered, sorted and paged,
// and the same list through the API: GET /editions/{e}/proposals and its JSON twin.
#include <algorithm>
#include <map>

#include "core/call/call.hpp"
#include "core/common/messages.hpp"
#include "core/decisions/decision.hpp"
#include "store/proposals/proposal_list.hpp"
#include "store/proposals/proposals.hpp"
#include "web/proposals/handlers.hpp"
#include "web/proposals/list_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json listed_view(const ListedProposal& p) {
    auto score = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nullptr; };
    return {
        {"proposal", p.proposal},
        {"number", p.number},
        {"title", p.title},
        {"session_type", p.session_type},
        {"theme", p.theme},
        {"status", p.status},
        {"screening", p.screening},
        {"overridden", p.overridden},
        {"evaluations", p.evaluations},
        {"mean", score(p.mean)},
        {"standard_deviation", score(p.standard_deviation)},
        {"divided", is_divided(p)},
        {"decision", p.decision.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.decision)}};
}

std::size_t all_proposals(Exchange& ex, const store::Edition& e, const ProposalSelection& s) {
    if (!s.filter.narrows()) return s.matching.size();
    return store::list_proposals(ex.db(), e.id, ProposalFilter{}).size();
}

}  // namespace

http::Response proposal_list_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = select_proposals(ex, e);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : s.matching) {
        auto row = listed_view(p);
        row["session_type_label"] = session_type_label(p.session_type);
        row["status_label"] = say("proposal_status." + p.status);
        row["screening_label"] = say("list.screening." + p.screening);
        if (!p.decision.empty()) row["decision_label"] = decision_label(p.decision);
        rows.push_back(std::move(row));
    }
    auto url = edition_url(e, "/proposals");
    auto listed = list_page(s, filtered_rows(rows, s), all_proposals(ex, e, s), url);
    nlohmann::json view = {{"title", say("page.proposals.list.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"edition_url", edition_url(e)},
                           {"proposals", listed.rows},
                           {"has_proposals", !listed.rows.empty()},
                           {"filter", listed.view}};
    return ex.page("proposals/proposal_list", view);
}

http::Response api_proposal_list(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = select_proposals(ex, e);
    auto matching = static_cast<std::int64_t>(s.matching.size());
    // Without a page asked for, every match: `convene screen` reads the whole edition.
    bool paged = !ex.request.query_param("page").empty() &&
                 std::find(s.filter.ignored.begin(), s.filter.ignored.end(), "page") ==
                     s.filter.ignored.end();
    auto page = paged ? page_of_list(matching, s.filter.page)
                      : page_of_list(matching, 1, std::max<std::int64_t>(matching, 1));
    std::map<std::string, Proposal> loaded;
    if (page.last > page.first)  // every proposal's people in two queries, not two per row
        for (auto& p : store::load_proposals(ex.db(), e.id, true)) loaded[p.id] = std::move(p);
    nlohmann::json out = nlohmann::json::array();
    for (auto i = page.first; i < page.last; ++i) {
        const auto& listed = s.matching[i];
        auto at = loaded.find(std::to_string(listed.proposal));
        // The proposal as GET /proposals/{id} gives it, and what the list knows beside it.
        auto j = at == loaded.end() ? nlohmann::json::object() : to_json(at->second);
        j["id"] = listed.proposal;
        j["listed"] = listed_view(listed);
        out.push_back(std::move(j));
    }
    return http::Response::json({{"proposals", out},
                                 {"matching", s.matching.size()},
                                 {"total", all_proposals(ex, e, s)},
                                 {"page", page.page},
                                 {"pages", page.pages},
                                 {"page_size", paged ? proposals_per_page : page.last},
                                 {"ignored", s.filter.ignored}});
}

}  // namespace convene::web
