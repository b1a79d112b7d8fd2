// MAG members of an edition: a person with an account holding the evaluator role there.
#include "core/clock.hpp"
#include "core/country.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/assignment.hpp"
#include "store/editions.hpp"
#include "store/enrolments.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/links.hpp"
#include "web/mail.hpp"
#include "web/views.hpp"

namespace convene::web {

namespace {

PersonDraft member_draft(const http::Form& f) {
    PersonDraft p;
    p.name = trim(f.get("name"));
    p.email = ascii_lower(trim(f.get("email")));
    p.organisation = trim(f.get("organisation"));
    p.country = f.get("country");
    p.stakeholder_group = f.get("stakeholder_group");
    p.gender = f.get("gender");
    return p;
}

struct NewMember {
    std::int64_t account_id = 0, person_id = 0;
    std::string temporary_password;  // empty when the account already existed
    bool invited = false;            // an existing account: enrolled once it accepts
};

nlohmann::json person_json(const PersonDraft& p) {
    return {{"name", p.name},
            {"email", p.email},
            {"organisation", p.organisation},
            {"country", p.country},
            {"stakeholder_group", p.stakeholder_group},
            {"gender", p.gender}};
}

PersonDraft person_of(const nlohmann::json& j) {
    PersonDraft p;
    auto text = [&](const char* k) {
        return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    p.name = text("name");
    p.email = text("email");
    p.organisation = text("organisation");
    p.country = text("country");
    p.stakeholder_group = text("stakeholder_group");
    p.gender = text("gender");
    return p;
}

constexpr int enrolment_link_days = 14;

// A new address gets an account at once; an existing account (the global Secretariat's
// too) is invited and becomes a member only when its owner accepts.
NewMember add_member(Exchange& ex, const store::Edition& e, const PersonDraft& p) {
    auto errors = validate_person(p, true);
    if (p.stakeholder_group.empty())
        errors.push_back({"stakeholder_group", "Stakeholder group is required."});
    throw_if_invalid(errors);
    NewMember out;
    auto existing = store::find_account_for_sign_in(ex.db(), p.email);
    if (existing) {
        out.account_id = existing->first.id;
        out.invited = true;
        auto roles = store::roles_of(ex.db(), out.account_id);
        if (store::has_role(roles, Role::evaluator, e.id))
            throw http::conflict(
                p.email + " is a MAG member of this edition already.",
                {{"email", p.email + " is a MAG member of this edition already."}});
        if (auto until = store::pending_enrolment(ex.db(), e.id, out.account_id, ex.now()))
            throw http::conflict(
                "An invitation to " + p.email + " waits; it works until " + *until + " (UTC).",
                {{"email",
                  "An invitation to " + p.email + " waits; it works until " + *until + " (UTC)."}});
        auto token = random_token();
        auto expires = format_utc(ex.clock() + std::chrono::hours(24 * enrolment_link_days));
        store::create_enrolment(ex.db(), e.id, out.account_id, person_json(p).dump(),
                                token_hash(token), ex.require_sign_in().id, ex.now(), expires);
        auto mail = mail_from_template("enrolment",
                                       {{"name", existing->first.name},
                                        {"edition", e.name},
                                        {"link", ex.app.config().base_url + "/enrolment/" + token},
                                        {"expires_at", expires}});
        mail.dedupe_key = "enrolment:" + token_hash(token);
        mail.recipient = existing->first.email;
        store::enqueue_mail(ex.db(), mail, ex.now());
        ex.audit("member.invite", "edition " + std::to_string(e.id),
                 {{"account_id", out.account_id}, {"email", p.email}});
        return out;
    }
    out.temporary_password = random_password();
    out.account_id = store::create_account(ex.db(), p.email, p.name,
                                           hash_password(out.temporary_password), ex.now());
    store::grant_role(ex.db(), out.account_id, Role::evaluator, e.id);
    out.person_id = store::add_person(ex.db(), p, out.account_id);
    ex.audit("member.add", "edition " + std::to_string(e.id),
             {{"account_id", out.account_id}, {"name", p.name}, {"email", p.email}});
    return out;
}

// The enrolment link: unknown, used and expired links are refused by name.
store::Enrolment valid_enrolment(Exchange& ex) {
    auto found = store::find_enrolment(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(
        ex, found.has_value(), found ? found->accepted_at : "", found ? found->expires_at : "",
        {"This invitation link is not valid. Ask the Secretariat for a new one.",
         "This invitation was accepted on {at} (UTC); each link works once.",
         "This invitation expired on {at} (UTC). Ask the Secretariat for a new one."});
    return *found;
}

http::Response members_page(Exchange& ex, const store::Edition& e, const PersonDraft& draft,
                            const FieldErrors& errors, const nlohmann::json& created, int status) {
    nlohmann::json view = {{"title", "MAG members of " + e.name + " - Convene"},
                           {"edition", edition_view(e)},
                           {"members", nlohmann::json::array()},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()},
                           {"created", created}};
    for (const auto& m : store::list_members(ex.db(), e.id))
        view["members"].push_back(member_view(m));
    view["member_count"] = view["members"].size();
    view["pending"] = nlohmann::json::array();
    for (const auto& pe : store::pending_enrolments(ex.db(), e.id, ex.now()))
        view["pending"].push_back(
            {{"name", pe.name}, {"email", pe.email}, {"expires_at", pe.expires_at}});
    view["has_pending"] = !view["pending"].empty();
    view["fields"] = {field_view("name", "Full name", draft.name, errors, "text", true),
                      field_view("email", "E-mail", draft.email, errors, "email", true),
                      field_view("organisation", "Organisation", draft.organisation, errors)};
    std::vector<std::pair<std::string, std::string>> countries_list{{"", "Choose a country"}};
    for (const auto& c : countries()) countries_list.emplace_back(c.code, c.name);
    std::vector<std::pair<std::string, std::string>> groups{{"", "Choose a group"}};
    for (const auto& g : stakeholder_groups()) groups.emplace_back(g.code, g.label);
    std::vector<std::pair<std::string, std::string>> genders_list;
    for (const auto& g : genders()) genders_list.emplace_back(g.code, g.label);
    auto select = [&](const std::string& name, const std::string& label, const std::string& value,
                      const std::vector<std::pair<std::string, std::string>>& choices) {
        auto f = field_view(name, label, value, errors, "select");
        f["options"] = options_view(choices, value);
        return f;
    };
    view["selects"] = {
        select("country", "Country", draft.country, countries_list),
        select("stakeholder_group", "Stakeholder group", draft.stakeholder_group, groups),
        select("gender", "Gender (optional)", draft.gender, genders_list)};
    return ex.page("members", view, status);
}

}  // namespace

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

http::Response api_member_list(Exchange& ex) {
    auto e = managed_edition(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : store::list_members(ex.db(), e.id)) out.push_back(member_view(m));
    return http::Response::json({{"members", out}});
}

http::Response api_member_create(Exchange& ex) {
    auto e = managed_edition(ex);
    auto added = add_member(ex, e, member_draft(ex.form()));
    if (added.invited)
        return http::Response::json({{"account_id", added.account_id}, {"enrolment", "pending"}},
                                    202);
    nlohmann::json out = {{"account_id", added.account_id}, {"person_id", added.person_id}};
    if (!added.temporary_password.empty()) out["temporary_password"] = added.temporary_password;
    return http::Response::json(out, 201);
}

http::Response enrolment_form(Exchange& ex) {
    auto enrolment = valid_enrolment(ex);
    auto edition = store::find_edition(ex.db(), enrolment.edition_id);
    nlohmann::json view = {{"title", "Join the MAG of an edition - Convene"},
                           {"edition", edition ? edition->name : ""},
                           {"token", ex.params.text("token")},
                           {"next", ex.request.path},
                           {"signed_in_here", ex.account().has_value()}};
    return ex.page("enrolment", view);
}

http::Response enrolment_accept(Exchange& ex) {
    auto enrolment = valid_enrolment(ex);
    const auto& account = ex.require_sign_in();
    if (account.id != enrolment.account_id)
        throw http::forbidden(
            "This invitation is for another account. Sign in with the account "
            "it was sent to.");
    if (!store::accept_enrolment(ex.db(), enrolment.id, ex.now()))
        throw http::Error(410, "Link already used", "This invitation was accepted already.");
    auto person = person_of(nlohmann::json::parse(enrolment.person, nullptr, false));
    store::grant_role(ex.db(), account.id, Role::evaluator, enrolment.edition_id);
    store::add_person(ex.db(), person, account.id);
    // Proposals the new member already organises are conflicts from the start.
    for (auto proposal : store::proposals_edited_in(ex.db(), enrolment.edition_id, account.id))
        store::declare_conflict(ex.db(), proposal, account.id, ex.now(), "organiser_of_proposal");
    ex.audit("member.add", "edition " + std::to_string(enrolment.edition_id),
             {{"account_id", account.id}, {"accepted", true}});
    return http::Response::redirect("/editions/" + std::to_string(enrolment.edition_id) +
                                    "/evaluations");
}

}  // namespace convene::web
