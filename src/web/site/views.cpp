#include "web/site/views.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"

namespace convene::web {

nlohmann::json edition_view(const store::Edition& e) {
    return {{"id", e.id},
            {"name", e.name},
            {"year", e.year},
            {"start_date", e.start_date},
            {"end_date", e.end_date},
            {"time_zone", e.time_zone},
            {"venue", e.venue},
            {"url", "/editions/" + to_string(e.id)}};
}

nlohmann::json theme_view(const store::Theme& t) {
    return {{"id", t.id}, {"name", t.name}, {"description", t.description}};
}

nlohmann::json room_view(const store::Room& r) {
    return {
        {"id", r.id}, {"name", r.name}, {"capacity", r.capacity}, {"interpreted", r.interpreted}};
}

nlohmann::json member_view(const store::Member& m) {
    const Country* country = find_country(m.country);
    return {{"person_id", m.person_id},
            {"account_id", m.account_id},
            {"name", m.name},
            {"email", m.email},
            {"organisation", m.organisation},
            {"country", m.country},
            {"country_name", country ? country->name : ""},
            {"regional_group", country ? country->regional_group : ""},
            {"stakeholder_group", m.stakeholder_group},
            {"stakeholder_group_label",
             std::string(choice_label(stakeholder_groups(), m.stakeholder_group))},
            {"gender", m.gender}};
}

nlohmann::json account_view(const store::AccountWithRoles& a) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& g : a.roles) {
        nlohmann::json r = {{"role", std::string(role_name(g.role))},
                            {"label", std::string(role_label(g.role))}};
        if (g.edition_id) {
            r["edition_id"] = *g.edition_id;
            r["edition_name"] = g.edition_name;
        } else {
            r["edition_id"] = nullptr;
            r["edition_name"] = say("site.all_editions");
        }
        roles.push_back(r);
    }
    return {{"id", a.account.id},
            {"email", a.account.email},
            {"name", a.account.name},
            {"blocked", a.account.blocked},
            {"roles", roles}};
}

nlohmann::json audit_view(const store::AuditEntry& a) {
    return {{"id", a.id},         {"at", a.at},           {"actor", a.actor},
            {"action", a.action}, {"subject", a.subject}, {"detail", a.detail}};
}

nlohmann::json time_view(const std::string& utc, std::string_view zone) {
    if (utc.empty()) return nullptr;
    auto t = stored_time(utc, zone);
    return {
        {"datetime", t.datetime}, {"zone", t.zone}, {"text", t.text}, {"short_text", t.short_text}};
}

nlohmann::json options_view(const std::vector<std::pair<std::string, std::string>>& choices,
                            const std::string& current) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, label] : choices)
        out.push_back({{"value", value}, {"label", label}, {"selected", value == current}});
    return out;
}

std::string edition_url(const store::Edition& e, std::string_view page) {
    return "/editions/" + to_string(e.id) + std::string(page);
}

nlohmann::json number_or_text(const std::string& typed) {
    auto text = trim(typed);
    if (text.empty()) return nullptr;
    try {
        std::size_t used = 0;
        auto n = std::stoll(text, &used);
        if (used == text.size()) return n;
    } catch (const std::exception&) {
    }
    return text;
}

}  // namespace convene::web
