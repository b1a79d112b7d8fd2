// A MAG member's pages: their list of proposals, the evaluation form (save a draft,
// submit, edit until the round closes) and the declaration of a conflict.
#include <charconv>

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "web/evaluation/actions.hpp"
#include "web/evaluation/handlers.hpp"
#include "web/evaluation/member_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response my_evaluations(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_sign_in();
    ex.require(policy::may_evaluate_in(ex.actor(), e.id), say("policy.members_only"));
    auto view = member_list_view(ex, e, who.id);
    view["title"] = say("page.evaluation.mine.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["has_evaluations"] = !view["evaluations"].empty();
    if (auto n = whole_number(ex.request.query_param("saved"))) view["saved"] = *n;
    if (auto n = whole_number(ex.request.query_param("submitted"))) view["submitted"] = *n;
    if (auto n = whole_number(ex.request.query_param("conflict"))) view["conflict"] = *n;
    return ex.page("evaluation/evaluations", view);
}

http::Response evaluation_form(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    return form_page(ex, t, t.saved.evaluation, t.saved.version, {}, 200);
}

http::Response evaluation_save(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    const auto& f = ex.form();
    FieldErrors errors;
    auto e = evaluation_in_form(f, scored_criteria(t.settings, t.details.format), errors);
    auto version = whole_number(f.get("version")).value_or(0);
    bool submit = f.get("action") == "submit";
    try {
        throw_if_invalid(errors);
        save_member_evaluation(ex, t, e, submit, version);
    } catch (const EvaluationConflict& conflict) {
        return form_page(
            ex, t, e, conflict.current.version, {}, 409,
            say("evaluation.conflict.page",
                {{"at",
                  stored_time(conflict.current.updated_at, t.edition.time_zone).short_text}}));
    } catch (const http::Error& err) {
        if (err.status() == 422) return form_page(ex, t, e, version, err.fields(), 422, "", submit);
        if (err.status() == 409)
            return form_page(ex, t, e, version, {}, 409,
                             say("evaluation.conflict.not_saved", {{"detail", err.detail()}}));
        throw;
    }
    // Submitting (or changing a submitted evaluation) is stated apart from a draft.
    bool submitted = submit || t.saved.status == "submitted";
    return http::Response::redirect(
        "/editions/" + to_string(t.edition.id) +
        (submitted ? "/evaluations?submitted=" : "/evaluations?saved=") + std::to_string(t.number));
}

http::Response conflict_form(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    return ex.page(
        "evaluation/conflict",
        {{"title", say("page.evaluation.declare_a_conflict_of.title")},
         {"url", url_of(t)},
         {"list_url", "/editions/" + to_string(t.edition.id) + "/evaluations"},
         {"number", t.number},
         {"proposal_title", t.details.title},
         {"round_closed", round_state(t.settings, ex.now()) == RoundState::closed},
         {"round_sentence",
          round_state_sentence(t.settings, round_state(t.settings, ex.now()), t.edition.time_zone)},
         {"has_evaluation", t.saved.version > 0}});
}

http::Response conflict_declare(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.id<ProposalId>("proposal"));
    declare_member_conflict(ex, t);
    return http::Response::redirect("/editions/" + to_string(t.edition.id) +
                                    "/evaluations?conflict=" + std::to_string(t.number));
}

}  // namespace convene::web
