// The proposal with its scores and comments, for the Secretariat's forms: the same
// scores the sheet is made of (submitted evaluations, scored by the round's scheme).
#include "web/evaluation/review_context.hpp"

#include "core/call/call.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/evaluation/aggregation.hpp"
#include "core/evaluation/evaluation.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/evaluation/evaluations.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// The description's opening words, cut at a space so no word (or UTF-8 letter) is split.
std::string excerpt(const std::string& text, std::size_t most = 320) {
    std::string flat;
    for (char ch : text) flat += (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
    flat = trim(flat);
    if (flat.size() <= most) return flat;
    auto cut = flat.rfind(' ', most);
    if (cut == std::string::npos || cut < most / 2) {
        cut = most;
        while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
    }
    return trim(flat.substr(0, cut)) + say("review.excerpt_cut");
}

}  // namespace

nlohmann::json review_context(Exchange& ex, const store::Edition& e, ProposalId proposal) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    auto details = store::load_proposal(ex.db(), proposal);
    if (!record || !details) return nullptr;
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto criteria = scored_criteria(settings, details->format);
    auto label_of = [&](const std::string& code) {
        for (const auto& c : criteria)
            if (c.code == code) return c.label;
        return code;
    };
    std::vector<Score> scores;
    nlohmann::json evaluations = nlohmann::json::array();
    int n = 0;
    for (const auto& [account, saved] : store::evaluations_of(ex.db(), proposal)) {
        if (saved.status != "submitted") continue;
        auto score = evaluation_score(settings, saved.evaluation, details->format);
        if (score) scores.push_back({to_string(account), to_string(proposal), *score});
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& [code, reason] : saved.evaluation.reasons)
            reasons.push_back({{"criterion", label_of(code)}, {"reason", reason}});
        evaluations.push_back({{"label", say("review.evaluator", {{"n", ++n}})},
                               {"score", score ? decimal_text(*score) : ""},
                               {"reasons", reasons},
                               {"has_reasons", !reasons.empty()},
                               {"comment", trim(saved.evaluation.comment)}});
    }
    auto aggregates = aggregate_scores(scores);
    nlohmann::json summary = {
        {"count", evaluations.size()},
        {"count_words", evaluations.size() == 1
                            ? say("review.submitted_one")
                            : say("review.submitted_many", {{"count", evaluations.size()}})},
        {"has_scores", !aggregates.empty()},
        {"evaluations", evaluations}};
    if (!aggregates.empty()) {
        summary["mean"] = decimal_text(aggregates.front().mean);
        summary["standard_deviation"] = decimal_text(aggregates.front().standard_deviation);
    }
    auto call = store::load_call(ex.db(), e.id);
    return {{"proposal", proposal},
            {"number", record->number},
            {"title", details->title},
            {"session_type_label", session_type_label(details->session_type)},
            {"theme", details->theme},
            {"format_label", format_label(call, details->format)},
            {"excerpt", excerpt(details->description)},
            {"url", "/proposals/" + to_string(proposal)},
            {"assignment_url",
             "/editions/" + to_string(e.id) + "/evaluation/proposals/" + to_string(proposal)},
            {"scores", summary}};
}

}  // namespace convene::web
