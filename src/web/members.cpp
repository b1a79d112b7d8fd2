// MAG members of an edition: a person with an account holding the evaluator role there.
#include "core/country.hpp"
#include "core/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/editions.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
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
};

NewMember add_member(Exchange& ex, const store::Edition& e, const PersonDraft& p) {
    auto errors = validate_person(p, true);
    if (p.stakeholder_group.empty())
        errors.push_back({"stakeholder_group", "Stakeholder group is required."});
    throw_if_invalid(errors);
    NewMember out;
    auto existing = store::find_account_for_sign_in(ex.db(), p.email);
    if (existing) {
        out.account_id = existing->first.id;
    } else {
        out.temporary_password = random_password();
        out.account_id = store::create_account(ex.db(), p.email, p.name,
                                               hash_password(out.temporary_password), ex.now());
    }
    store::grant_role(ex.db(), out.account_id, Role::evaluator, e.id);
    out.person_id = store::add_person(ex.db(), p, out.account_id);
    ex.audit("member.add", "edition " + std::to_string(e.id),
             {{"account_id", out.account_id}, {"name", p.name}, {"email", p.email}});
    return out;
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
                                  {"new_account", !added.temporary_password.empty()}};
        return members_page(ex, e, {}, {}, created, 201);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return members_page(ex, e, draft, err.fields(), nullptr, 422);
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
    nlohmann::json out = {{"account_id", added.account_id}, {"person_id", added.person_id}};
    if (!added.temporary_password.empty()) out["temporary_password"] = added.temporary_password;
    return http::Response::json(out, 201);
}

}  // namespace convene::web
