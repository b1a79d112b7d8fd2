// What the Secretariat does in the evaluation round: settings, the assignment and its
// review, progress with reminders, closing the round, and the aggregation sheet.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "store/common/outbox.hpp"
#include "store/decisions/decisions.hpp"
#include "store/evaluation/assignment.hpp"
#include "web/evaluation/actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

EvaluationSettings settings_in_body(const nlohmann::json& body, EvaluationSettings base) {
    FieldErrors errors;
    auto s = evaluation_settings_from_json(body, std::move(base), errors);
    throw_if_invalid(errors);
    return s;
}

nlohmann::json assignment_review(Exchange& ex, const store::Edition& edition,
                                 const std::vector<AssignmentPair>& pairs,
                                 const AssignmentInstance& in) {
    std::map<std::string, int> load, per_proposal;
    std::map<std::string, std::string> group_of, name_of;
    for (const auto& m : store::list_members(ex.db(), edition.id)) {
        group_of[to_string(m.account_id)] = m.stakeholder_group;
        name_of[to_string(m.account_id)] = m.name;
    }
    std::map<std::string, std::map<std::string, int>> mix;
    for (const auto& p : pairs) {
        ++load[p.evaluator];
        ++per_proposal[p.proposal];
        ++mix[p.proposal][group_of[p.evaluator]];
    }
    nlohmann::json members = nlohmann::json::array();
    for (const auto& e : in.evaluators)
        members.push_back({{"account", std::stoll(e.id)},
                           {"name", name_of[e.id]},
                           {"stakeholder_group", e.stakeholder_group},
                           {"groups", e.groups},
                           {"load", load[e.id]},
                           {"max_load", e.max_load}});
    std::map<int, int> histogram;
    for (const auto& p : in.proposals) ++histogram[per_proposal[p.id]];
    nlohmann::json evaluators_per_proposal = nlohmann::json::object();
    for (const auto& [n, count] : histogram) evaluators_per_proposal[std::to_string(n)] = count;
    int most_of_one_group = 0;
    for (const auto& [proposal, groups] : mix)
        for (const auto& [group, n] : groups) most_of_one_group = std::max(most_of_one_group, n);
    return {{"members", members},
            {"proposals", in.proposals.size()},
            {"evaluators_per_proposal", evaluators_per_proposal},
            {"most_of_one_stakeholder_group_on_a_proposal", most_of_one_group}};
}

nlohmann::json run_assignment(Exchange& ex, const store::Edition& e) {
    if (store::count_evaluations(ex.db(), e.id) > 0)
        throw http::conflict(say("evaluation.evaluations_have_begun_so_the_assignment"));
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto instance = store::assignment_instance(ex.db(), e.id, settings);
    auto result = assign(instance);
    store::save_assignment(ex.db(), e.id, result.assignments, ex.now());
    ex.audit("evaluation.assign", "edition " + to_string(e.id),
             {{"filled", result.filled},
              {"load_squares", result.load_squares},
              {"unfilled", result.unfilled.size()}});
    auto out = to_json(result);
    out["published"] = false;
    out["review"] = assignment_review(ex, e, result.assignments, instance);
    return out;
}

nlohmann::json stored_assignment(Exchange& ex, const store::Edition& e,
                                 const AssignmentInstance& instance) {
    auto stored = store::load_assignment(ex.db(), e.id);
    AssignmentResult result;
    result.assignments = stored.pairs;
    score_assignment(instance, result);
    explain_unfilled(instance, result);
    auto out = to_json(result);
    out["published"] = stored.published;
    out["review"] = assignment_review(ex, e, stored.pairs, instance);
    return out;
}

std::size_t publish_assignment(Exchange& ex, const store::Edition& e) {
    auto stored = store::load_assignment(ex.db(), e.id);
    if (stored.pairs.empty())
        throw http::conflict(say("evaluation.there_is_no_assignment_to_publish"));
    store::publish_assignment(ex.db(), e.id);
    std::map<std::string, int> load;
    for (const auto& p : stored.pairs) ++load[p.evaluator];
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto sentence = round_state_sentence(settings, round_state(settings, ex.now()), e.time_zone);
    std::vector<store::Mail> mails;
    for (const auto& m : store::list_members(ex.db(), e.id)) {
        auto n = load[to_string(m.account_id)];
        if (n == 0) continue;
        auto mail = mail_from_template(
            "evaluation_list",
            {{"count", n},
             {"edition", e.name},
             {"name", m.name},
             {"round", sentence},
             {"link", ex.app.config().base_url + "/editions/" + to_string(e.id) + "/evaluations"}});
        mail.dedupe_key = "evaluation_list:" + to_string(e.id) + ":" + to_string(m.account_id) +
                          ":" + std::to_string(n);
        mail.recipient = m.email;
        mails.push_back(std::move(mail));
    }
    store::enqueue_mails(ex.db(), mails, ex.now());
    ex.audit("evaluation.publish", "edition " + to_string(e.id),
             {{"pairs", stored.pairs.size()}, {"members_told", mails.size()}});
    return stored.pairs.size();
}

namespace {

int percent(int part, int whole) {
    return whole == 0 ? 0 : (100 * part) / whole;
}

}  // namespace

nlohmann::json progress_view(Exchange& ex, const store::Edition& e) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto state = round_state(settings, ex.now());
    auto progress = store::evaluation_progress(ex.db(), e.id);
    nlohmann::json members = nlohmann::json::array(), short_of = nlohmann::json::array();
    for (const auto& m : progress.members)
        members.push_back({{"account", m.account},
                           {"name", m.name},
                           {"assigned", m.assigned},
                           {"drafts", m.drafts},
                           {"submitted", m.submitted},
                           {"percent", percent(m.submitted, m.assigned)}});
    for (const auto& p : progress.proposals)
        if (p.submitted < 3)
            short_of.push_back({{"proposal", p.proposal},
                                {"number", p.number},
                                {"title", p.title},
                                {"assigned", p.assigned},
                                {"submitted", p.submitted}});
    // Conflicts of interest, declared or arising when a member joined a proposal.
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& k : store::conflicts_of_edition(ex.db(), e.id))
        conflicts.push_back({{"proposal", k.proposal},
                             {"number", k.number},
                             {"title", k.title},
                             {"member", k.member},
                             {"at", time_view(k.declared_at, e.time_zone)},
                             {"origin", k.origin},
                             {"joined", k.origin == "joined_proposal"},
                             {"organiser", k.origin == "organiser_of_proposal"}});
    return {{"round",
             {{"state", std::string(round_state_code(state))},
              {"sentence", round_state_sentence(settings, state, e.time_zone)},
              {"sentence_at", round_state_instant(settings, state)},
              {"zone", e.time_zone},
              {"deadline", settings.deadline},
              {"grace_minutes", settings.grace_minutes},
              {"closed_at", settings.closed_at}}},
            {"assigned", progress.assigned},
            {"submitted", progress.submitted},
            {"percent", percent(progress.submitted, progress.assigned)},
            {"proposals", progress.proposals.size()},
            {"proposals_with_fewer_than_3", short_of},
            {"members", members},
            {"conflicts", conflicts}};
}

int send_reminders(Exchange& ex, const store::Edition& e) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto sentence = round_state_sentence(settings, round_state(settings, ex.now()), e.time_zone);
    auto today = ex.now().substr(0, 10);
    int queued = 0;
    for (const auto& m : store::evaluation_progress(ex.db(), e.id).members) {
        if (m.assigned == 0 || m.submitted >= m.assigned) continue;
        auto mail = mail_from_template(
            "evaluation_reminder",
            {{"edition", e.name},
             {"left", m.assigned - m.submitted},
             {"name", m.name},
             {"submitted", m.submitted},
             {"assigned", m.assigned},
             {"round", sentence},
             {"link", ex.app.config().base_url + "/editions/" + to_string(e.id) + "/evaluations"}});
        // One reminder per member and day, however often the button is pressed.
        mail.dedupe_key =
            "evaluation_reminder:" + to_string(e.id) + ":" + to_string(m.account) + ":" + today;
        mail.recipient = m.email;
        queued += store::enqueue_mail(ex.db(), mail, ex.now());
    }
    ex.audit("evaluation.remind", "edition " + to_string(e.id), {{"queued", queued}});
    return queued;
}

CloseCheck close_check(Exchange& ex, const store::Edition& e) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto progress = store::evaluation_progress(ex.db(), e.id);
    CloseCheck c;
    c.deadline = settings.deadline;
    c.before_deadline = round_state(settings, ex.now()) == RoundState::open;
    c.submitted = progress.submitted;
    c.assigned = progress.assigned;
    for (const auto& p : progress.proposals) c.short_of_three += p.submitted < 3;
    return c;
}

void close_round(Exchange& ex, const store::Edition& e, bool close, bool confirmed) {
    if (close && !confirmed) {
        auto c = close_check(ex, e);
        if (c.needs_confirmation())
            throw http::conflict(say(
                "evaluation.close.confirm_needed",
                {{"deadline", c.deadline.empty()
                                  ? say("evaluation.close.no_deadline")
                                  : say("evaluation.close.deadline",
                                        {{"deadline", stored_time(c.deadline, e.time_zone).text}})},
                 {"submitted", c.submitted},
                 {"assigned", c.assigned},
                 {"missing", c.assigned - c.submitted},
                 {"short", c.short_of_three}}));
    }
    if (!close && !store::results_published_at(ex.db(), e.id).empty())
        throw http::conflict(say("evaluation.reopen.results_published"));
    auto settings = store::evaluation_settings(ex.db(), e.id);
    settings.closed_at = close ? ex.now() : "";
    store::set_evaluation_settings(ex.db(), e.id, settings);
    ex.audit(close ? "evaluation.close" : "evaluation.reopen", "edition " + to_string(e.id),
             {{"closed_at", settings.closed_at}});
}

RankBy rank_in_query(Exchange& ex) {
    auto by = ex.request.query_param("rank");
    if (by.empty() || by == "mean") return RankBy::mean;
    if (by == "median") return RankBy::median;
    if (by == "normalised") return RankBy::normalised;
    if (by == "standard_deviation") return RankBy::standard_deviation;
    throw http::bad_request(say("evaluation.rank_by_mean_median_normalised_or"),
                            {{"rank", say("evaluation.rank_by_mean_median_normalised_or")}});
}

namespace {

double rounded(double v) {
    return std::round(v * 1000) / 1000;
}

const char* rank_code(RankBy by) {
    switch (by) {
        case RankBy::mean:
            return "mean";
        case RankBy::median:
            return "median";
        case RankBy::normalised:
            return "normalised";
        case RankBy::standard_deviation:
            return "standard_deviation";
    }
    return "mean";
}

}  // namespace

EvaluationSheet evaluation_sheet(Exchange& ex, const store::Edition& e, RankBy by) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    std::vector<Score> scores;
    std::map<ProposalId, std::map<std::int64_t, int>> merges;  // proposal -> number -> votes
    for (const auto& s : store::submitted_evaluations(ex.db(), e.id)) {
        if (s.evaluation.merge_with) ++merges[s.proposal][*s.evaluation.merge_with];
        if (auto score = evaluation_score(settings, s.evaluation, s.format))
            scores.push_back({to_string(s.account), to_string(s.proposal), *score});
    }
    auto aggregates = aggregate_scores(scores);
    rank(aggregates, by);
    std::map<ProposalId, store::SheetProposal> proposals;
    for (auto& p : store::sheet_proposals(ex.db(), e.id)) proposals[p.proposal] = p;
    auto merge_text = [&](ProposalId proposal) {
        std::string text;
        for (const auto& [number, votes] : merges[proposal])
            text += (text.empty() ? "" : "; ") +
                    say(votes == 1 ? "evaluation.merge_votes.one" : "evaluation.merge_votes.other",
                        {{"number", number}, {"votes", votes}});
        return text;
    };
    auto row_of = [&](ProposalId id, const store::SheetProposal& p) {
        SheetRow r;
        r.proposal = id;
        r.number = p.number;
        r.title = p.title;
        r.theme = p.theme;
        r.format = p.format;
        r.merge_with = merge_text(id);
        return r;
    };
    EvaluationSheet sheet{std::string(rank_code(by)), settings.scheme, {}};
    int position = 0;
    for (const auto& a : aggregates) {
        auto id = ProposalId(std::stoll(a.proposal));
        auto p = proposals.find(id);
        if (p == proposals.end()) continue;  // withdrawn since it was scored
        auto r = row_of(id, p->second);
        r.rank = ++position;
        r.count = a.count;
        r.mean = rounded(a.mean);
        r.median = rounded(a.median);
        r.standard_deviation = rounded(a.standard_deviation);
        r.divided = is_divided(*r.standard_deviation);
        r.normalised = rounded(a.normalised);
        sheet.rows.push_back(std::move(r));
        proposals.erase(p);
    }
    for (const auto& [id, p] : proposals) sheet.rows.push_back(row_of(id, p));  // by number
    return sheet;
}

nlohmann::json to_json(const EvaluationSheet& sheet) {
    auto number = [](const std::optional<double>& x) {
        return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
    };
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : sheet.rows)
        rows.push_back({{"rank", r.rank ? nlohmann::json(*r.rank) : nlohmann::json(nullptr)},
                        {"proposal", r.proposal},
                        {"number", r.number},
                        {"title", r.title},
                        {"theme", r.theme},
                        {"format", r.format},
                        {"count", r.count},
                        {"mean", number(r.mean)},
                        {"median", number(r.median)},
                        {"standard_deviation", number(r.standard_deviation)},
                        {"divided", r.divided},
                        {"normalised", number(r.normalised)},
                        {"merge_with", r.merge_with}});
    return {{"ranked_by", sheet.ranked_by}, {"scheme", sheet.scheme}, {"proposals", rows}};
}

nlohmann::json sheet_view(Exchange& ex, const store::Edition& e, RankBy by) {
    return to_json(evaluation_sheet(ex, e, by));
}

Table sheet_table(const nlohmann::json& sheet, const Call& call) {
    Table t{{say("evaluation.rank"), say("evaluation.number"), say("evaluation.title"),
             say("evaluation.theme"), say("evaluation.format"), say("evaluation.evaluations"),
             say("evaluation.mean"), say("evaluation.median"), say("evaluation.standard_deviation"),
             say("evaluation.normalised"), say("evaluation.should_merge_with")}};
    auto cell = [](const nlohmann::json& v) {
        if (v.is_null()) return std::string{};
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
        auto text = v.dump();  // shortest form that reads back the same
        return text;
    };
    // The format as the call names it ("Break-out groups"), not its code.
    auto format_label = [&](const nlohmann::json& v) {
        auto code = v.is_string() ? v.get<std::string>() : std::string{};
        if (const auto* f = find_format(call, code)) return f->name;
        std::replace(code.begin(), code.end(), '_', ' ');  // a code the call no longer has
        if (!code.empty()) code[0] = static_cast<char>(std::toupper(code[0]));
        return code;
    };
    for (const auto& r : sheet["proposals"])
        t.push_back({cell(r["rank"]), cell(r["number"]), cell(r["title"]), cell(r["theme"]),
                     format_label(r["format"]), cell(r["count"]), cell(r["mean"]),
                     cell(r["median"]), cell(r["standard_deviation"]), cell(r["normalised"]),
                     cell(r["merge_with"])});
    return t;
}

}  // namespace convene::web
