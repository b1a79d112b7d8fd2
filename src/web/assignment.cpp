// The Secretariat runs the assignment of MAG members to proposals, reviews it and
// publishes it (API; the pages come next).
#include <map>

#include "http/error.hpp"
#include "store/evaluation.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"

namespace convene::web {

namespace {

// What the Secretariat reviews: each member's load, evaluators per proposal, and the
// stakeholder mix on the proposals.
nlohmann::json review(Exchange& ex, const store::Edition& edition,
                      const std::vector<AssignmentPair>& pairs, const AssignmentInstance& in) {
    std::map<std::string, int> load, per_proposal;
    std::map<std::string, std::string> group_of, name_of;
    for (const auto& m : store::list_members(ex.db(), edition.id)) {
        group_of[std::to_string(m.account_id)] = m.stakeholder_group;
        name_of[std::to_string(m.account_id)] = m.name;
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
            {"evaluators_per_proposal", evaluators_per_proposal},
            {"most_of_one_stakeholder_group_on_a_proposal", most_of_one_group}};
}

store::EvaluationSettings settings_in_body(const nlohmann::json& body,
                                           store::EvaluationSettings s) {
    if (!body.is_object()) throw http::unprocessable({{"per_proposal", "Send a JSON object."}});
    if (body.contains("per_proposal")) {
        if (!body["per_proposal"].is_number_integer() || body["per_proposal"].get<int>() < 1 ||
            body["per_proposal"].get<int>() > 20)
            throw http::unprocessable(
                {{"per_proposal",
                  "Evaluations per proposal must be a whole number from 1 to 20."}});
        s.per_proposal = body["per_proposal"].get<int>();
    }
    if (body.contains("max_load")) {
        if (!body["max_load"].is_number_integer() || body["max_load"].get<int>() < 0 ||
            body["max_load"].get<int>() > 10000)
            throw http::unprocessable(
                {{"max_load",
                  "The most proposals per member must be a whole number from 0 "
                  "(automatic) to 10000."}});
        s.max_load = body["max_load"].get<int>();
    }
    return s;
}

}  // namespace

http::Response api_evaluation_settings_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = store::evaluation_settings(ex.db(), e.id);
    return http::Response::json({{"per_proposal", s.per_proposal}, {"max_load", s.max_load}});
}

http::Response api_evaluation_settings_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto s = settings_in_body(http::parse_json_body(ex.request),
                              store::evaluation_settings(ex.db(), e.id));
    store::set_evaluation_settings(ex.db(), e.id, s);
    ex.audit("evaluation.settings", "edition " + std::to_string(e.id),
             {{"per_proposal", s.per_proposal}, {"max_load", s.max_load}});
    return http::Response::json({{"per_proposal", s.per_proposal}, {"max_load", s.max_load}});
}

http::Response api_member_groups_update(Exchange& ex) {
    auto e = managed_edition(ex);
    auto account = ex.params.integer("account");
    bool member = false;
    for (const auto& m : store::list_members(ex.db(), e.id)) member |= m.account_id == account;
    if (!member) throw http::not_found("This account is not a MAG member of the edition.");
    auto body = http::parse_json_body(ex.request);
    std::vector<std::string> groups;
    if (!body.is_object() || !body.contains("groups") || !body["groups"].is_array())
        throw http::unprocessable({{"groups", "Send {\"groups\": [names of issue-area groups]}."}});
    for (const auto& g : body["groups"]) {
        if (!g.is_string() || g.get<std::string>().empty() || g.get<std::string>().size() > 120)
            throw http::unprocessable({{"groups", "Each group is a name of 1 to 120 characters."}});
        groups.push_back(g.get<std::string>());
    }
    store::set_member_groups(ex.db(), e.id, account, groups);
    ex.audit("evaluation.member_groups", "account " + std::to_string(account),
             {{"groups", groups}});
    return http::Response::json({{"account", account}, {"groups", groups}});
}

http::Response api_assignment_run(Exchange& ex) {
    auto e = managed_edition(ex);
    auto settings = store::evaluation_settings(ex.db(), e.id);
    if (!ex.request.body.empty())
        settings = settings_in_body(http::parse_json_body(ex.request), settings);
    auto instance = store::assignment_instance(ex.db(), e.id, settings);
    auto result = assign(instance);
    store::save_assignment(ex.db(), e.id, result.assignments, ex.now());
    ex.audit("evaluation.assign", "edition " + std::to_string(e.id),
             {{"filled", result.filled},
              {"load_squares", result.load_squares},
              {"unfilled", result.unfilled.size()}});
    auto out = to_json(result);
    out["published"] = false;
    out["review"] = review(ex, e, result.assignments, instance);
    return http::Response::json(out);
}

http::Response api_assignment_show(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = store::load_assignment(ex.db(), e.id);
    auto instance =
        store::assignment_instance(ex.db(), e.id, store::evaluation_settings(ex.db(), e.id));
    AssignmentResult result;
    result.assignments = stored.pairs;
    score_assignment(instance, result);
    auto out = to_json(result);
    out.erase("unfilled");
    out["published"] = stored.published;
    out["review"] = review(ex, e, stored.pairs, instance);
    return http::Response::json(out);
}

http::Response api_assignment_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = store::load_assignment(ex.db(), e.id);
    if (stored.pairs.empty())
        throw http::conflict("There is no assignment to publish; run the assignment first.");
    store::publish_assignment(ex.db(), e.id);
    ex.audit("evaluation.publish", "edition " + std::to_string(e.id),
             {{"pairs", stored.pairs.size()}});
    return http::Response::json({{"published", true}, {"pairs", stored.pairs.size()}});
}

}  // namespace convene::web
