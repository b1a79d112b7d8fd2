// MAG members of an edition: a person with an account holding the evaluator role there.
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/enrolments.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "web/editions/handlers.hpp"
#include "web/editions/member_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

http::Response member_list(Exchange& ex) {
    auto e = managed_edition(ex);
    return members_page(ex, e, {}, {}, nullptr, 200);
}

http::Response member_create(Exchange& ex) {
    auto e = managed_edition(ex);
    auto draft = member_draft(ex.form());
    try {
        auto added = add_member(ex, e, draft);
        nlohmann::json created = {{"name", draft.name},
                                  {"email", draft.email},
                                  {"password", added.temporary_password},
                                  {"new_account", !added.temporary_password.empty()},
                                  {"invited", added.invited}};
        return members_page(ex, e, {}, {}, created, added.invited ? 202 : 201);
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        return members_page(ex, e, draft, err.fields(), nullptr, err.status());
    }
}

http::Response enrolment_form(Exchange& ex) {
    auto enrolment = valid_enrolment(ex);
    auto edition = store::find_edition(ex.db(), enrolment.edition_id);
    nlohmann::json view = {{"title", say("page.editions.join_the_mag_of.title")},
                           {"edition", edition ? edition->name : ""},
                           {"token", ex.params.text("token")},
                           {"next", ex.request.path},
                           {"signed_in_here", ex.account().has_value()}};
    return ex.page("editions/enrolment", view);
}

http::Response enrolment_accept(Exchange& ex) {
    auto enrolment = valid_enrolment(ex);
    const auto& account = ex.require_sign_in();
    if (account.id != enrolment.account_id)
        throw http::forbidden(say("editions.this_invitation_is_for_another_account"));
    if (!store::accept_enrolment(ex.db(), enrolment.id, ex.now()))
        throw http::Error(410, say("editions.link_already_used"),
                          say("editions.this_invitation_was_accepted_already"));
    auto person = person_of(nlohmann::json::parse(enrolment.person, nullptr, false));
    store::grant_role(ex.db(), account.id, Role::evaluator, enrolment.edition_id);
    store::add_person(ex.db(), person, account.id);
    // Proposals the new member already organises are conflicts from the start.
    for (auto proposal : store::proposals_edited_in(ex.db(), enrolment.edition_id, account.id))
        store::declare_conflict(ex.db(), proposal, account.id, ex.now(), "organiser_of_proposal");
    ex.audit("member.add", "edition " + to_string(enrolment.edition_id),
             {{"account_id", account.id}, {"accepted", true}});
    return http::Response::redirect("/editions/" + to_string(enrolment.edition_id) +
                                    "/evaluations");
}

}  // namespace convene::web
