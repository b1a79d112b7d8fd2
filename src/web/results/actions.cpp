// The public results of the selection and the transparency report: the selected
// sessions by theme; the score distribution, evaluations per proposal, the rules used,
// how the assignment was made, and every decision with its reason. Never an
// evaluator's identity.
#include "web/results/actions.hpp"

#include <cmath>
#include <map>

#include "core/common/messages.hpp"
#include "core/decisions/decision.hpp"
#include "core/policy/policy.hpp"
#include "core/selection/selection.hpp"
#include "http/error.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/selection/actions.hpp"
#include "web/site/charts.hpp"
#include "web/site/exchange.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

namespace {

// The published date; the Secretariat previews before publishing; 404 for others.
std::string published_or_preview(Exchange& ex, const store::Edition& e) {
    auto at = store::results_published_at(ex.db(), e.id);
    if (!policy::may_read_results(ex.actor(), e.id, !at.empty()))
        throw http::not_found(say("results.not_published", {{"edition", e.name}}));
    return at;
}

std::string conditions_words(const Decision& d) {
    std::string out;
    for (const auto& code : d.conditions)
        for (const auto& c : decision_conditions())
            if (c.code == code) out += (out.empty() ? "" : "; ") + c.label;
    if (d.merge_with) out += say("results.merged_with", {{"number", *d.merge_with}});
    return out;
}

}  // namespace

nlohmann::json results_view(Exchange& ex, const store::Edition& e) {
    auto published = published_or_preview(ex, e);
    std::map<std::string, nlohmann::json> by_theme;
    std::vector<std::string> order;
    nlohmann::json lightning = nlohmann::json::array();
    int sessions = 0;
    for (const auto& d : store::list_decisions(ex.db(), e.id)) {
        auto kind = effective_kind(d.decision);
        nlohmann::json row = {{"number", d.number},
                              {"title", d.title},
                              {"decision", decision_label(kind)},
                              {"conditional", kind == "conditional"}};
        if (kind == "lightning") {
            lightning.push_back(row);
            continue;
        }
        if (!in_programme(d.decision)) continue;
        auto theme = kind == "moved" ? d.decision.new_theme : d.theme;
        if (!by_theme.count(theme)) order.push_back(theme);
        by_theme[theme].push_back(row);
        ++sessions;
    }
    std::sort(order.begin(), order.end());
    nlohmann::json themes = nlohmann::json::array();
    for (const auto& t : order)
        themes.push_back({{"theme", t}, {"sessions", by_theme[t]}, {"count", by_theme[t].size()}});
    return {{"published_at", published}, {"preview", published.empty()},
            {"sessions", sessions},      {"themes", themes},
            {"lightning", lightning},    {"has_lightning", !lightning.empty()}};
}

nlohmann::json transparency_view(Exchange& ex, const store::Edition& e) {
    auto published = published_or_preview(ex, e);
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto ranked = ranking(ex, e, s);
    auto decisions = store::list_decisions(ex.db(), e.id);
    std::set<ProposalId> in;
    for (const auto& d : decisions)
        if (in_programme(d.decision)) in.insert(d.proposal);
    // Mean scores in half-point bins, all proposals against those in the programme.
    DiversityDimension bins{"score", say("results.mean_score"), {}};
    const char* bounds[] = {"1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"};
    for (int i = 0; i < 8; ++i)  // the value "1.0 to 1.5" is data for the API; the label is words
        bins.rows.push_back({std::string(bounds[i]) + " to " + bounds[i + 1],
                             say("results.score_bin", {{"from", bounds[i]}, {"to", bounds[i + 1]}}),
                             0, 0});
    std::map<int, int> per_count;
    for (const auto& r : ranked) {
        auto mean = r.mean;
        int bin = std::clamp(static_cast<int>(std::floor((mean - 1.0) * 2)), 0, 7);
        ++bins.rows[bin].all;
        if (in.count(r.proposal)) ++bins.rows[bin].programme;
        ++per_count[r.count];
    }
    std::reverse(bins.rows.begin(), bins.rows.end());  // best first
    nlohmann::json evaluations = nlohmann::json::array();
    for (const auto& [count, proposals] : per_count)
        evaluations.push_back({{"evaluations", count}, {"proposals", proposals}});
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto selection = selection_view(ex, e);
    nlohmann::json decided = nlohmann::json::array();
    for (const auto& d : decisions)
        decided.push_back({{"number", d.number},
                           {"title", d.title},
                           {"decision", decision_label(effective_kind(d.decision))},
                           {"reason", d.decision.reason},
                           {"conditions", conditions_words(d.decision)},
                           {"due_date", d.decision.due_date},
                           {"new_theme", d.decision.new_theme}});
    return {{"published_at", published},
            {"preview", published.empty()},
            {"scored_proposals", ranked.size()},
            {"programme_sessions", in.size()},
            {"score_chart",
             comparison_chart("scores", say("results.score_chart"), bins,
                              static_cast<int>(ranked.size()), static_cast<int>(in.size()))},
            {"evaluations_per_proposal", evaluations},
            {"assignment",
             {{"evaluations_per_proposal", settings.per_proposal},
              {"scheme", settings.scheme},
              {"random_seed", nullptr},
              {"method", say("results.assignment_method")}}},
            {"slot_plan", to_json(s.plan)},
            {"rank_by", s.rank_by},
            {"rules", selection.is_null() ? nlohmann::json::array() : selection["rules_words"]},
            {"has_rules", !selection.is_null()},
            {"decisions", decided}};
}

void publish_results(Exchange& ex, const store::Edition& e, bool publish) {
    if (publish && store::list_decisions(ex.db(), e.id).empty())
        throw http::conflict(say("results.publish.no_decisions"));
    store::set_results_published(ex.db(), e.id, publish ? ex.now() : "");
    ex.audit(publish ? "results.publish" : "results.withdraw", "edition " + to_string(e.id),
             nlohmann::json::object());
}

}  // namespace convene::web
