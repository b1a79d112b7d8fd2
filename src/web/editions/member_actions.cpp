// Adding MAG members to an edition, shared by the pages and the API.
#include "web/editions/member_actions.hpp"

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/people/country.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/enrolments.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

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

// A new address gets an account at once; an existing account (the global Secretariat's
// too) is invited and becomes a member only when its owner accepts.
NewMember add_member(Exchange& ex, const store::Edition& e, const PersonDraft& p) {
    auto errors = validate_person(p, true);
    if (p.stakeholder_group.empty())
        errors.push_back({"stakeholder_group", say("editions.stakeholder_group_is_required")});
    throw_if_invalid(errors);
    NewMember out;
    auto existing = store::find_account_for_sign_in(ex.db(), p.email);
    if (existing) {
        out.account_id = existing->first.id;
        out.invited = true;
        auto roles = store::roles_of(ex.db(), out.account_id);
        if (store::has_role(roles, Role::evaluator, e.id))
            throw http::conflict(say("editions.member.already", {{"email", p.email}}),
                                 {{"email", say("editions.member.already", {{"email", p.email}})}});
        if (auto until = store::pending_enrolment(ex.db(), e.id, out.account_id, ex.now()))
            throw http::conflict(
                say("editions.member.invitation_waits",
                    {{"email", p.email}, {"until", stored_time(*until, e.time_zone).text}}),
                {{"email",
                  say("editions.member.invitation_waits",
                      {{"email", p.email}, {"until", stored_time(*until, e.time_zone).text}})}});
        auto token = random_token();
        auto expires = format_utc(ex.clock() + std::chrono::hours(24 * enrolment_link_days));
        store::create_enrolment(ex.db(), e.id, out.account_id, person_json(p).dump(),
                                token_hash(token), ex.require_sign_in().id, ex.now(), expires);
        auto mail = mail_from_template("enrolment",
                                       {{"name", existing->first.name},
                                        {"edition", e.name},
                                        {"link", ex.app.config().base_url + "/enrolment/" + token},
                                        {"expires_at", stored_time(expires, e.time_zone).text}});
        mail.dedupe_key = "enrolment:" + token_hash(token);
        mail.recipient = existing->first.email;
        store::enqueue_mail(ex.db(), mail, ex.now());
        ex.audit("member.invite", "edition " + to_string(e.id),
                 {{"account_id", out.account_id}, {"email", p.email}});
        return out;
    }
    out.temporary_password = random_password();
    out.account_id = store::create_account(ex.db(), p.email, p.name,
                                           hash_password(out.temporary_password), ex.now());
    store::grant_role(ex.db(), out.account_id, Role::evaluator, e.id);
    out.person_id = store::add_person(ex.db(), p, out.account_id);
    ex.audit("member.add", "edition " + to_string(e.id),
             {{"account_id", out.account_id}, {"name", p.name}, {"email", p.email}});
    return out;
}

// The enrolment link: unknown, used and expired links are refused by name.
store::Enrolment valid_enrolment(Exchange& ex) {
    auto found = store::find_enrolment(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(ex, found.has_value(), found ? found->accepted_at : "",
                        found ? found->expires_at : "",
                        {"editions.link.unknown", "editions.link.used", "editions.link.expired"});
    return *found;
}

http::Response members_page(Exchange& ex, const store::Edition& e, const PersonDraft& draft,
                            const FieldErrors& errors, const nlohmann::json& created, int status) {
    nlohmann::json view = {{"title", say("page.editions.members.title", {{"edition", e.name}})},
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
        view["pending"].push_back({{"name", pe.name},
                                   {"email", pe.email},
                                   {"expires_at", time_view(pe.expires_at, e.time_zone)}});
    view["has_pending"] = !view["pending"].empty();
    view["fields"] = {
        field_view("name", say("editions.full_name"), draft.name, errors, "text", true),
        field_view("email", "E-mail", draft.email, errors, "email", true),
        field_view("organisation", say("editions.organisation"), draft.organisation, errors)};
    std::vector<std::pair<std::string, std::string>> countries_list{
        {"", say("editions.choose_a_country")}};
    for (const auto& c : countries()) countries_list.emplace_back(c.code, c.name);
    std::vector<std::pair<std::string, std::string>> groups{{"", say("editions.choose_a_group")}};
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
        select("country", say("editions.country"), draft.country, countries_list),
        select("stakeholder_group", say("editions.stakeholder_group"), draft.stakeholder_group,
               groups),
        select("gender", say("editions.gender_optional"), draft.gender, genders_list)};
    return ex.page("editions/members", view, status);
}

}  // namespace convene::web
