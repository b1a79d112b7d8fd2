// The Secretariat's evaluation round over the API: settings, members' groups, the
// assignment (run, review, publish), progress, reminders, closing, the sheet, and the
// evaluations of a proposal.
#include <map>

#include "core/common/messages.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/proposals/submissions.hpp"
#include "web/evaluation/actions.hpp"
#include "web/evaluation/handlers.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

http::Response api_evaluation_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(to_json(store::evaluation_settings(ex.db(), e.id)));
}

http::Response api_evaluation_settings_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = settings_in_body(http::parse_json_body(ex.request),
                              store::evaluation_settings(ex.db(), e.id));
    store::set_evaluation_settings(ex.db(), e.id, s);
    ex.audit("evaluation.settings", "edition " + to_string(e.id), to_json(s));
    return http::Response::json(to_json(s));
}

http::Response api_member_groups_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto account = ex.params.id<AccountId>("account");
    bool member = false;
    for (const auto& m : store::list_members(ex.db(), e.id)) member |= m.account_id == account;
    if (!member) throw http::not_found(say("evaluation.this_account_is_not_a_mag"));
    auto body = http::parse_json_body(ex.request);
    std::vector<std::string> groups;
    if (!body.is_object() || !body.contains("groups") || !body["groups"].is_array())
        throw http::unprocessable({{"groups", say("evaluation.groups.send")}});
    for (const auto& g : body["groups"]) {
        if (!g.is_string() || g.get<std::string>().empty() || g.get<std::string>().size() > 120)
            throw http::unprocessable({{"groups", say("evaluation.each_group_is_a_name_of")}});
        groups.push_back(g.get<std::string>());
    }
    store::set_member_groups(ex.db(), e.id, account, groups);
    ex.audit("evaluation.member_groups", "account " + to_string(account), {{"groups", groups}});
    return http::Response::json({{"account", account}, {"groups", groups}});
}

http::Response api_assignment_run(Exchange& ex) {
    auto e = managed_edition(ex);
    if (!ex.request.body.empty()) {
        auto s = settings_in_body(http::parse_json_body(ex.request),
                                  store::evaluation_settings(ex.db(), e.id));
        store::set_evaluation_settings(ex.db(), e.id, s);
    }
    return http::Response::json(run_assignment(ex, e));
}

http::Response api_assignment_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto instance =
        store::assignment_instance(ex.db(), e.id, store::evaluation_settings(ex.db(), e.id));
    auto out = stored_assignment(ex, e, instance);
    return http::Response::json(out);
}

http::Response api_assignment_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    auto pairs = publish_assignment(ex, e);
    return http::Response::json({{"published", true}, {"pairs", pairs}});
}

http::Response api_evaluation_progress(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(progress_view(ex, e));
}

http::Response api_evaluation_reminders(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json({{"queued", send_reminders(ex, e)}});
}

http::Response api_evaluation_close(Exchange& ex) {
    auto e = managed_edition(ex);
    // Cutting the round short needs {"confirm": true}, as the page's confirm step does.
    bool confirmed = false;
    if (!ex.request.body.empty()) {
        auto body = http::parse_json_body(ex.request);
        if (body.is_object() && body.contains("confirm")) {
            if (!body["confirm"].is_boolean())
                throw http::unprocessable({{"confirm", say("evaluation.close.confirm_invalid")}});
            confirmed = body["confirm"].get<bool>();
        }
    }
    close_round(ex, e, true, confirmed);
    return http::Response::json(progress_view(ex, e)["round"]);
}

http::Response api_evaluation_reopen(Exchange& ex) {
    auto e = managed_edition(ex);
    close_round(ex, e, false);
    return http::Response::json(progress_view(ex, e)["round"]);
}

http::Response api_evaluation_sheet(Exchange& ex) {
    auto e = managed_edition(ex);
    return http::Response::json(sheet_view(ex, e, rank_in_query(ex)));
}

namespace {

nlohmann::json evaluation_json(const store::Member& m, const store::StoredEvaluation& saved) {
    return {{"account", m.account_id},
            {"name", m.name},
            {"stakeholder_group", m.stakeholder_group},
            {"status", saved.status.empty() ? "not_started" : saved.status},
            {"version", saved.version},
            {"updated_at", saved.updated_at},
            {"submitted_at", saved.submitted_at},
            {"evaluation", saved.version ? to_json(saved.evaluation) : nlohmann::json()}};
}

EditionId edition_of(Exchange& ex, ProposalId proposal) {
    auto record = store::find_proposal_record(ex.db(), proposal);
    if (!record) throw http::not_found(say("evaluation.there_is_no_proposal_with_this_2"));
    return record->edition_id;
}

}  // namespace

// Every evaluation of a proposal, with its evaluator: the Secretariat only.
http::Response api_proposal_evaluations(Exchange& ex) {
    auto proposal = ex.params.id<ProposalId>("proposal");
    auto edition = edition_of(ex, proposal);
    std::map<AccountId, store::Member> members;
    for (auto& m : store::list_members(ex.db(), edition)) members[m.account_id] = m;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [account, saved] : store::evaluations_of(ex.db(), proposal)) {
        auto m = members.find(account);
        if (m != members.end()) out.push_back(evaluation_json(m->second, saved));
    }
    return http::Response::json({{"proposal", proposal}, {"evaluations", out}});
}

// One member's evaluation: that member or the Secretariat; nobody else.
http::Response api_proposal_evaluation(Exchange& ex) {
    auto proposal = ex.params.id<ProposalId>("proposal");
    auto account = ex.params.id<AccountId>("account");
    auto edition = edition_of(ex, proposal);
    const auto& who = ex.require_sign_in();
    policy::EvaluationFacts facts{edition, account, store::is_assigned(ex.db(), proposal, account)};
    if (!policy::may_read_evaluation(ex.actor(), facts))
        throw http::forbidden(who.id == account ? say("evaluation.this_proposal_is_not_on_your_2")
                                                : say("evaluation.only_the_member_who_wrote_an"));
    for (const auto& m : store::list_members(ex.db(), edition))
        if (m.account_id == account)
            return http::Response::json(
                evaluation_json(m, store::load_evaluation(ex.db(), proposal, account)));
    throw http::not_found(say("evaluation.this_account_is_not_a_mag"));
}

}  // namespace convene::web
