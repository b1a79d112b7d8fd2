// A proposal's evaluators, as the Secretariat adjusts a published assignment: the page
// (a form per change, no script needed) and the API. A refusal names the rule it broke.
#include <charconv>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/evaluation/adjust_actions.hpp"
#include "web/evaluation/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string page_url(const AssignmentTarget& t) {
    return "/editions/" + to_string(t.edition.id) + "/evaluation/proposals/" +
           to_string(t.proposal);
}

std::optional<std::int64_t> whole(const std::string& text) {
    std::int64_t n = 0;
    auto t = trim(text);
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (ec != std::errc{} || end != t.data() + t.size() || n <= 0) return std::nullopt;
    return n;
}

AccountId account_in_form(Exchange& ex) {
    auto n = whole(ex.form().get("account"));
    if (!n) throw http::unprocessable({{"account", say("assignment.adjust.choose_member")}});
    return AccountId{*n};
}

struct Shown {
    std::optional<Refusal> refused;
    std::optional<AccountId> confirm;  // a member whose submitted evaluation would go
};

http::Response page_with(Exchange& ex, const AssignmentTarget& t, const Shown& shown, int status) {
    auto view = proposal_assignment_view(ex, t);
    view["proposal_title"] = view["title"];  // "title" names the page
    view["title"] = say("page.evaluation.proposal_assignment.title", {{"number", t.number}});
    view["edition"] = edition_view(t.edition);
    view["round_url"] = "/editions/" + to_string(t.edition.id) + "/evaluation";
    view["url"] = page_url(t);
    view["has_evaluators"] = !view["evaluators"].empty();
    view["has_candidates"] = !view["candidates"].empty();
    // A closed round or an unpublished assignment takes no change: no buttons to refuse.
    view["open"] = view["published"].get<bool>() && !view["round"]["closed"].get<bool>();
    if (shown.refused) {
        view["refusal"] = {{"rule", shown.refused->rule}, {"message", shown.refused->message}};
        if (shown.confirm)
            view["confirm"] = {{"account", *shown.confirm},
                               {"name", member_name(ex, t.edition, *shown.confirm)}};
    }
    for (const char* key : {"added", "removed"}) {
        auto v = ex.request.query_param(key);
        if (auto n = whole(v))
            view[std::string("notice_") + key] = member_name(ex, t.edition, AccountId{*n});
    }
    view["notice_discarded"] = ex.request.query_param("discarded") == "1";
    return ex.page("evaluation/proposal_assignment", view, status);
}

http::Response refused_json(const Refusal& r) {
    auto out = http::Response::json({{"type", "about:blank"},
                                     {"title", say("assignment.adjust.refused")},
                                     {"status", 409},
                                     {"detail", r.message},
                                     {"rule", r.rule}},
                                    409);
    out.content_type = "application/problem+json";
    return out;
}

AccountId account_in_body(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object() || !body.contains("account") || !body["account"].is_number_integer() ||
        body["account"].get<std::int64_t>() <= 0)
        throw http::unprocessable({{"account", say("assignment.adjust.choose_member")}});
    return AccountId{body["account"].get<std::int64_t>()};
}

}  // namespace

http::Response proposal_assignment_page(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    return page_with(ex, t, {}, 200);
}

http::Response proposal_assignment_find(Exchange& ex) {
    auto e = managed_edition(ex);
    auto number = whole(ex.request.query_param("number"));
    if (number)
        for (const auto& p : store::sheet_proposals(ex.db(), e.id))
            if (p.number == *number)
                return http::Response::redirect("/editions/" + to_string(e.id) +
                                                "/evaluation/proposals/" + to_string(p.proposal));
    throw http::not_found(say("assignment.adjust.no_such_number"));
}

http::Response proposal_evaluator_add(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    auto account = account_in_form(ex);
    if (auto refused = add_evaluator(ex, t, account)) return page_with(ex, t, {refused, {}}, 409);
    return http::Response::redirect(page_url(t) + "?added=" + to_string(account));
}

http::Response proposal_evaluator_remove(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    auto account = account_in_form(ex);
    auto removal = remove_evaluator(ex, t, account, ex.form().get("confirm") == "yes");
    if (removal.refused) {
        std::optional<AccountId> confirm;
        if (removal.refused->rule == "submitted_evaluation") confirm = account;
        return page_with(ex, t, {removal.refused, confirm}, 409);
    }
    return http::Response::redirect(page_url(t) + "?removed=" + to_string(account) +
                                    (removal.discarded_evaluation ? "&discarded=1" : ""));
}

http::Response api_proposal_evaluators(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    return http::Response::json(proposal_assignment_view(ex, t));
}

http::Response api_proposal_evaluator_add(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    auto account = account_in_body(ex);
    if (auto refused = add_evaluator(ex, t, account)) return refused_json(*refused);
    return http::Response::json(proposal_assignment_view(ex, t), 201);
}

http::Response api_proposal_evaluator_remove(Exchange& ex) {
    auto t = assignment_target(ex, ex.params.id<ProposalId>("proposal"));
    auto account = ex.params.id<AccountId>("account");
    auto confirm = ex.request.query_param("confirm");
    if (!confirm.empty() && confirm != "true" && confirm != "false")
        throw http::bad_request(say("assignment.adjust.confirm_invalid"),
                                {{"confirm", say("assignment.adjust.confirm_invalid")}});
    auto removal = remove_evaluator(ex, t, account, confirm == "true");
    if (removal.refused) return refused_json(*removal.refused);
    auto out = proposal_assignment_view(ex, t);
    out["discarded_evaluation"] = removal.discarded_evaluation;
    return http::Response::json(out);
}

}  // namespace convene::web
