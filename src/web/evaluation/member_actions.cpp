// What a MAG member does in the evaluation round: open a proposal on their list with
// its proposers hidden, save and submit an evaluation, declare a conflict.
#include "web/evaluation/member_actions.hpp"

#include <algorithm>
#include <charconv>

#include "core/call/call.hpp"
#include "core/common/messages.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/proposals/proposals.hpp"
#include "store/proposals/submissions.hpp"
#include "web/evaluation/actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"
namespace convene::web {

EvaluationTarget evaluation_target(Exchange& ex, ProposalId proposal) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_sign_in();
    ex.require(policy::may_evaluate_in(ex.actor(), e.id), say("policy.members_only"));
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record || record->edition_id != e.id)
        throw http::not_found(say("evaluation.there_is_no_proposal_with_this"));
    policy::EvaluationFacts facts{e.id, who.id, store::is_assigned(ex.db(), proposal, who.id)};
    if (!policy::may_write_evaluation(ex.actor(), facts))
        throw http::forbidden(say("evaluation.this_proposal_is_not_on_your"));
    auto details = store::load_proposal(ex.db(), proposal);
    if (!details) throw http::not_found(say("evaluation.there_is_no_proposal_with_this"));
    return {e,
            proposal,
            record->number,
            who.id,
            std::move(*details),
            store::evaluation_settings(ex.db(), e.id),
            store::load_evaluation(ex.db(), proposal, who.id)};
}

namespace {
std::string spaced(std::string code) {
    std::replace(code.begin(), code.end(), '_', ' ');
    return code;
}
}  // namespace

nlohmann::json anonymous_proposal(const Proposal& p, std::int64_t number) {
    const ProposalPerson* main = !p.proposer.name.empty() || !p.proposer.country.empty()
                                     ? &p.proposer
                                     : (p.organisers.empty() ? nullptr : &p.organisers.front());
    const Country* country = main ? find_country(main->country) : nullptr;
    auto describe = [](const ProposalPerson& person) {
        auto region = regional_group_label(person.regional_group);
        return nlohmann::json{
            {"stakeholder_group",
             std::string(choice_label(stakeholder_groups(), person.stakeholder_group))},
            {"gender", std::string(choice_label(genders(), person.gender))},
            {"region", std::string(region)},
            {"confirmation", spaced(person.confirmation)},
            {"answer", person.answer},
            {"answer_confirmed", person.answer == "confirmed"},
            {"answer_declined", person.answer == "declined"}};
    };
    nlohmann::json speakers = nlohmann::json::array(), moderators = nlohmann::json::array();
    for (const auto& s : p.speakers) speakers.push_back(describe(s));
    for (const auto& m : p.moderators) moderators.push_back(describe(m));
    for (const auto& m : p.online_moderators) moderators.push_back(describe(m));
    return {{"number", number},
            {"title", p.title},
            {"session_type", p.session_type},
            {"session_type_label", session_type_label(p.session_type)},
            {"theme", p.theme},
            {"format", p.format},
            {"format_label", format_label(Call{}, p.format)},
            {"duration", p.duration},
            {"description", p.description},
            {"policy_questions", p.policy_questions},
            {"tags", p.tags},
            {"sdgs", p.sdgs},
            {"agenda", p.agenda},
            {"expected_outcomes", p.expected_outcomes},
            {"online_participation", p.online_participation},
            {"relevance", p.relevance},
            {"proposer_from_developing_country", country != nullptr && country->developing},
            {"organiser_count", p.organisers.size()},
            {"speakers", speakers},
            {"moderators", moderators}};
}

std::vector<std::pair<std::int64_t, std::string>> merge_choices(Exchange& ex,
                                                                const EvaluationTarget& t) {
    return store::same_theme_proposals(ex.db(), t.proposal);
}

namespace {

void require_open_round(Exchange& ex, const EvaluationSettings& s, std::string_view zone) {
    auto state = round_state(s, ex.now());
    if (state == RoundState::closed)
        throw http::Error(409, say("evaluation.the_evaluation_round_is_closed"),
                          round_state_sentence(s, state, zone));
}

}  // namespace

std::int64_t save_member_evaluation(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                                    bool submit, std::int64_t expected_version) {
    require_open_round(ex, t.settings, t.edition.time_zone);
    bool submitting = submit || t.saved.status == "submitted";
    auto errors = check_evaluation(t.settings, e, t.details.format, submitting);
    if (e.merge_with) {
        auto choices = merge_choices(ex, t);
        if (std::none_of(choices.begin(), choices.end(),
                         [&](const auto& c) { return c.first == *e.merge_with; }))
            errors.push_back(
                {"merge_with", say("evaluation.choose_another_submitted_proposal_of_the")});
    }
    throw_if_invalid(errors);
    auto version = store::save_evaluation(ex.db(), t.proposal, t.account, e, submitting,
                                          expected_version, ex.now());
    if (!version) throw EvaluationConflict{store::load_evaluation(ex.db(), t.proposal, t.account)};
    ex.audit(submitting ? "evaluation.submit" : "evaluation.save",
             "proposal " + to_string(t.proposal), {{"version", *version}});
    return *version;
}

namespace {

// Records the conflict (assignment removed, any evaluation discarded) and gives the
// place to another member at once; every other pair stays as it was.
ConflictOutcome record_conflict(Exchange& ex, EditionId edition, const EvaluationSettings& settings,
                                ProposalId proposal_id, AccountId account,
                                const std::string& origin) {
    auto& c = ex.db();
    ConflictOutcome out;
    bool was_assigned = store::has_assignment(c, proposal_id, account);
    out.discarded_evaluation = store::declare_conflict(c, proposal_id, account, ex.now(), origin);
    if (was_assigned) {
        auto instance = store::assignment_instance(c, edition, settings);
        auto current = store::load_assignment(c, edition).pairs;
        const auto proposal = to_string(proposal_id);
        try {
            auto result = reassign_after_conflict(instance, current, to_string(account), proposal);
            for (const auto& pair : result.assignments)
                if (pair.proposal == proposal &&
                    std::find(current.begin(), current.end(), pair) == current.end()) {
                    store::add_assignment(c, edition, pair, ex.now());
                    out.replaced_by = AccountId(std::stoll(pair.evaluator));
                }
        } catch (const std::invalid_argument&) {
            // The proposal no longer takes part (withdrawn, declined at screening).
        }
    }
    ex.audit("evaluation.conflict", "proposal " + to_string(proposal_id),
             {{"account", account},
              {"origin", origin},
              {"discarded_evaluation", out.discarded_evaluation},
              {"replaced_by", out.replaced_by ? nlohmann::json(*out.replaced_by) : nullptr}});
    return out;
}

}  // namespace

ConflictOutcome declare_member_conflict(Exchange& ex, const EvaluationTarget& t) {
    require_open_round(ex, t.settings, t.edition.time_zone);
    return record_conflict(ex, t.edition.id, t.settings, t.proposal, t.account, "declared");
}

void conflict_on_joining(Exchange& ex, EditionId edition, ProposalId proposal, AccountId account) {
    if (!policy::may_evaluate_in(ex.actor(), edition)) return;
    record_conflict(ex, edition, store::evaluation_settings(ex.db(), edition), proposal, account,
                    "joined_proposal");
}

namespace {

std::string status_label(const std::string& status) {
    if (status == "submitted") return say("evaluation.submitted");
    if (status == "draft") return say("evaluation.draft_saved");
    return say("evaluation.not_started");
}

}  // namespace

nlohmann::json member_list_view(Exchange& ex, const store::Edition& e, AccountId account) {
    auto settings = store::evaluation_settings(ex.db(), e.id);
    auto state = round_state(settings, ex.now());
    bool open = state != RoundState::closed;
    nlohmann::json tasks = nlohmann::json::array();
    int submitted = 0, drafts = 0;
    const auto call = store::load_call(ex.db(), e.id);
    for (const auto& t : store::member_tasks(ex.db(), e.id, account)) {
        submitted += t.status == "submitted";
        drafts += t.status == "draft";
        tasks.push_back(
            {{"proposal", t.proposal},
             {"url", "/editions/" + to_string(e.id) + "/evaluations/" + to_string(t.proposal)},
             {"number", t.number},
             {"title", t.title},
             {"theme", t.theme},
             {"format", t.format},
             {"format_label", format_label(call, t.format)},
             {"status", t.status.empty() ? "not_started" : t.status},
             {"status_label", status_label(t.status)},
             {"open", open}});
    }
    int total = static_cast<int>(tasks.size());
    return {{"edition", e.id},
            {"round",
             {{"state", std::string(round_state_code(state))},
              {"sentence", round_state_sentence(settings, state, e.time_zone)},
              {"sentence_at", round_state_instant(settings, state)},
              {"zone", e.time_zone},
              {"deadline", settings.deadline},
              {"closed", !open}}},
            {"progress",
             {{"assigned", total},
              {"submitted", submitted},
              {"drafts", drafts},
              {"percent", total == 0 ? 0 : (100 * submitted) / total}}},
            {"evaluations", tasks}};
}

std::string url_of(const EvaluationTarget& t) {
    return "/editions/" + to_string(t.edition.id) + "/evaluations/" + to_string(t.proposal);
}

std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return n;
}

// The form's fields as an evaluation; errors name the field.
Evaluation evaluation_in_form(const http::Form& f, const std::vector<Criterion>& criteria,
                              FieldErrors& errors) {
    Evaluation e;
    for (const auto& c : criteria) {
        const auto& raw = f.get("score-" + c.code);
        if (!raw.empty()) {
            auto n = whole_number(raw);
            if (!n || *n < 1 || *n > 5)
                errors.push_back({"score-" + c.code, say("evaluation.score.out_of_range_for",
                                                         {{"criterion", c.label}})});
            else
                e.scores.push_back({c.code, static_cast<int>(*n)});
        }
        if (!f.get("reason-" + c.code).empty())
            e.reasons.emplace_back(c.code, f.get("reason-" + c.code));
    }
    e.comment = f.get("comment");
    if (f.get("merge") == "yes") {
        auto n = whole_number(f.get("merge_with"));
        if (!n)
            errors.push_back({"merge_with", say("evaluation.choose_the_proposal_this_one_should")});
        else
            e.merge_with = *n;
    }
    return e;
}

nlohmann::json form_view(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors) {
    auto criteria = scored_criteria(t.settings, t.details.format);
    nlohmann::json scores = nlohmann::json::array();
    auto error_of = [&](const std::string& field) -> nlohmann::json {
        for (const auto& err : errors)
            if (err.field == field) return err.message;
        return nullptr;
    };
    for (const auto& c : criteria) {
        int current = 0;
        for (const auto& s : e.scores)
            if (s.criterion == c.code) current = s.score;
        std::string reason;
        for (const auto& [code, r] : e.reasons)
            if (code == c.code) reason = r;
        nlohmann::json options = nlohmann::json::array();
        static const char* words[] = {"", "1 (poor)", "2", "3", "4", "5 (excellent)"};
        for (int n = 1; n <= 5; ++n)
            options.push_back({{"value", n},
                               {"label", words[n]},
                               {"id", "score-" + c.code + "-" + std::to_string(n)},
                               {"checked", current == n}});
        nlohmann::json reasons = {
            {{"value", ""}, {"label", say("evaluation.no_reason_chosen")}, {"selected", false}}};
        for (const auto& r : t.settings.reasons)
            reasons.push_back({{"value", r}, {"label", r}, {"selected", r == reason}});
        scores.push_back({{"code", c.code},
                          {"label", c.label},
                          {"options", options},
                          {"score_error", error_of("score-" + c.code)},
                          {"reason_error", error_of("reason-" + c.code)},
                          {"has_reasons", !t.settings.reasons.empty()},
                          {"reasons", reasons}});
    }
    nlohmann::json merge = nlohmann::json::array();
    for (const auto& [number, title] : merge_choices(ex, t))
        merge.push_back({{"value", number},
                         {"label", std::to_string(number) + ": " + title},
                         {"selected", e.merge_with == number}});
    auto proposal = anonymous_proposal(t.details, t.number);
    proposal["format_label"] =
        format_label(store::load_call(ex.db(), t.edition.id), t.details.format);
    nlohmann::json texts = nlohmann::json::array();
    for (const auto& [key, label] :
         {std::pair{"description", say("evaluation.description")},
          {"agenda", say("evaluation.agenda")},
          {"expected_outcomes", say("evaluation.expected_outcomes")},
          {"online_participation", say("evaluation.online_participation")},
          {"relevance", say("evaluation.relevance")}})
        if (!proposal[key].get<std::string>().empty())
            texts.push_back(
                {{"label", label}, {"html", markdown_html(proposal[key].get<std::string>())}});
    auto state = round_state(t.settings, ex.now());
    // Previous and next in the member's own list order, so they can work through it.
    nlohmann::json previous, next, position;
    auto tasks = store::member_tasks(ex.db(), t.edition.id, t.account);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (tasks[i].proposal != t.proposal) continue;
        auto link = [&](const store::Task& o) -> nlohmann::json {
            return {{"url", "/editions/" + to_string(t.edition.id) + "/evaluations/" +
                                to_string(o.proposal)},
                    {"number", o.number}};
        };
        if (i > 0) previous = link(tasks[i - 1]);
        if (i + 1 < tasks.size()) next = link(tasks[i + 1]);
        position = i + 1;
    }
    return {{"title", say("page.evaluation.evaluate.title", {{"number", t.number}})},
            {"previous", previous},
            {"next", next},
            {"position", position},
            {"count", tasks.size()},
            {"is_draft", t.saved.status == "draft"},
            {"error_count", errors.size()},
            {"one_error", errors.size() == 1},
            {"url", url_of(t)},
            {"list_url", "/editions/" + to_string(t.edition.id) + "/evaluations"},
            {"proposal", proposal},
            {"texts", texts},
            {"has_speakers", !proposal["speakers"].empty()},
            {"has_tags", !proposal["tags"].empty()},
            {"has_sdgs", !proposal["sdgs"].empty()},
            {"has_policy_questions", !proposal["policy_questions"].empty()},
            {"scores", scores},
            {"holistic", t.settings.scheme != "criteria"},
            {"comment",
             field_view("comment", say("evaluation.comment_for_the_mag"), e.comment, errors,
                        "textarea", false, say("evaluation.visible_to_the_secretariat_and_the"))},
            {"merge_checked", e.merge_with.has_value()},
            {"merge_choices", merge},
            {"has_merge_choices", !merge.empty()},
            {"merge_error", error_of("merge_with")},
            {"version", version},
            {"status", t.saved.status},
            {"submitted", t.saved.status == "submitted"},
            {"round_sentence", round_state_sentence(t.settings, state, t.edition.time_zone)},
            {"round_sentence_at", round_state_instant(t.settings, state)},
            {"zone", t.edition.time_zone},
            {"round_closed", state == RoundState::closed},
            {"errors", error_summary(errors)},
            {"has_errors", !errors.empty()}};
}

http::Response form_page(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors, int status,
                         const std::string& notice, bool submitting) {
    auto view = form_view(ex, t, e, version, errors);
    if (!notice.empty()) view["notice"] = notice;
    view["submitting"] = submitting;
    return ex.page("evaluation/evaluation", view, status);
}

nlohmann::json api_view(Exchange& ex, const EvaluationTarget& t) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& c : scored_criteria(t.settings, t.details.format))
        criteria.push_back({{"code", c.code}, {"label", c.label}, {"weight", c.weight}});
    nlohmann::json merge = nlohmann::json::array();
    for (const auto& [number, title] : merge_choices(ex, t))
        merge.push_back({{"number", number}, {"title", title}});
    auto state = round_state(t.settings, ex.now());
    return {{"proposal", anonymous_proposal(t.details, t.number)},
            {"criteria", criteria},
            {"reasons", t.settings.reasons},
            {"merge_choices", merge},
            {"round",
             {{"state", std::string(round_state_code(state))},
              {"sentence", round_state_sentence(t.settings, state, t.edition.time_zone)},
              {"deadline", t.settings.deadline}}},
            {"status", t.saved.status.empty() ? "not_started" : t.saved.status},
            {"version", t.saved.version},
            {"evaluation", t.saved.version ? to_json(t.saved.evaluation) : nlohmann::json()}};
}

}  // namespace convene::web
