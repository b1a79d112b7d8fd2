// The remote hubs' pages: a signed-in person's hubs with the form that registers one,
// a hub's page (its details and the published sessions it follows, with the live rooms
// where its organiser relays requests), and the Secretariat's hubs by region with counts.
#include <algorithm>
#include <string>

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "core/people/country.hpp"
#include "http/error.hpp"
#include "web/live/remote_actions.hpp"
#include "web/live/remote_handlers.hpp"
#include "web/programme/programme_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// The hub form's fields, with what was typed (or the hub's values) and the errors.
nlohmann::json hub_fields(const live::Hub& hub, const http::Form* typed,
                          const FieldErrors& errors) {
    auto value = [&](const char* name, const std::string& stored) {
        return typed ? typed->get(name) : stored;
    };
    auto country = value("country", hub.country);
    auto country_field =
        field_view("country", say("hub.field.country"), country, errors, "select", true);
    nlohmann::json options = nlohmann::json::array();
    options.push_back(
        {{"value", ""}, {"label", say("hub.field.country_blank")}, {"selected", false}});
    for (const auto& c : countries())
        options.push_back({{"value", c.code}, {"label", c.name}, {"selected", c.code == country}});
    country_field["options"] = options;
    auto expected = value("expected", hub.expected > 0 ? std::to_string(hub.expected) : "");
    return {{"city", field_view("city", say("hub.field.city"), value("city", hub.city), errors,
                                "text", true)},
            {"country", country_field},
            {"host", field_view("host", say("hub.field.host"), value("host", hub.host), errors,
                                "text", true, say("hub.field.host_hint"))},
            {"expected", field_view("expected", say("hub.field.expected"), expected, errors, "text",
                                    true, say("hub.field.expected_hint"))},
            {"contact_email",
             field_view("contact_email", say("hub.field.contact_email"),
                        value("contact_email", hub.contact_email), errors, "email", true)}};
}

http::Response hubs_with(Exchange& ex, const store::Edition& e, const http::Form* typed,
                         const FieldErrors& errors, int status) {
    const auto& account = ex.require_sign_in();
    auto codes = session_codes(ex, e);
    nlohmann::json mine = nlohmann::json::array();
    for (const auto& row : store::hubs(ex.db(), e.id, account.id)) {
        auto j = hub_json(row, codes);
        j["url"] = edition_url(e, "/hubs/" + to_string(row.id));
        j["following"] = row.sessions.size();
        mine.push_back(j);
    }
    live::Hub blank;
    blank.contact_email = account.email;
    nlohmann::json view = {{"title", say("page.hubs.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"hubs", mine},
                           {"has_hubs", !mine.empty()},
                           {"secretariat", policy::may_manage_edition(ex.actor(), e.id)},
                           {"form", hub_fields(blank, typed, errors)},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    return ex.page("live/hubs", view, status);
}

http::Response hub_with(Exchange& ex, const store::Edition& e, const store::HubRow& row,
                        const http::Form* typed, const FieldErrors& errors, int status) {
    auto p = public_programme(ex, e);
    auto codes = session_codes(ex, e);
    auto typed_sessions = typed ? typed->all("sessions") : std::vector<std::string>{};
    bool sessions_typed = typed && typed->has("follow");
    nlohmann::json sessions = nlohmann::json::array();
    auto rooms = store::live_rooms_of_sessions(ex.db(), e.id, true);
    for (const auto& s : p.sessions) {
        bool followed = sessions_typed ? std::find(typed_sessions.begin(), typed_sessions.end(),
                                                   s.session.code) != typed_sessions.end()
                                       : std::find(row.sessions.begin(), row.sessions.end(),
                                                   s.session.id) != row.sessions.end();
        auto room = rooms.find(s.session.id);
        sessions.push_back(
            {{"code", s.session.code},
             {"title", s.session.title},
             {"when", day_words(s.day()) + ", " + s.slot.start.substr(11) + "–" + s.end.substr(11)},
             {"checked", followed},
             {"room_url", followed && room != rooms.end()
                              ? edition_url(e, "/live-rooms/" + to_string(room->second))
                              : ""}});
    }
    auto done = ex.request.query_param("done");
    nlohmann::json view = {
        {"title", say("page.hub.title", {{"name", live::hub_name(row.hub)}})},
        {"edition", edition_view(e)},
        {"hub", hub_json(row, codes)},
        {"url", edition_url(e, "/hubs/" + to_string(row.id))},
        {"hubs_url", edition_url(e, "/hubs")},
        {"form", hub_fields(row.hub, sessions_typed ? nullptr : typed, errors)},
        {"sessions", sessions},
        {"has_sessions", !sessions.empty()},
        {"error_sessions", ""},
        {"done", done == "saved" || done == "followed" ? say("hub.done." + done) : ""},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    for (const auto& err : errors)
        if (err.field == "sessions") view["error_sessions"] = err.message;
    return ex.page("live/hub", view, status);
}

}  // namespace

http::Response hubs_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    return hubs_with(ex, e, nullptr, {}, 200);
}

http::Response hub_register(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& form = ex.form();
    HubId id;
    try {
        FieldErrors typing;
        auto hub = hub_in_form(form, typing);
        id = register_hub(ex, e, hub, typing);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        ex.restart_write();
        return hubs_with(ex, e, &form, err.fields(), 422);
    }
    return http::Response::redirect(edition_url(e, "/hubs/" + to_string(id)));
}

http::Response hub_regions_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto rows = store::hubs(ex.db(), e.id);
    auto codes = session_codes(ex, e);
    nlohmann::json all = nlohmann::json::array();
    for (const auto& row : rows) {
        auto j = hub_json(row, codes);
        j["url"] = edition_url(e, "/hubs/" + to_string(row.id));
        j["following"] = row.sessions.size();
        all.push_back(j);
    }
    nlohmann::json view = {{"title", say("page.hubs.regions.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"counts", hub_counts_json(rows)},
                           {"hubs", all},
                           {"has_hubs", !all.empty()}};
    return ex.page("live/hub_regions", view);
}

http::Response hub_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    return hub_with(ex, e, hub_in_path(ex, e), nullptr, {}, 200);
}

http::Response hub_save(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto row = hub_in_path(ex, e);
    const auto& form = ex.form();
    try {
        FieldErrors typing;
        auto hub = hub_in_form(form, typing);
        edit_hub(ex, row, hub, typing);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        ex.restart_write();
        return hub_with(ex, e, row, &form, err.fields(), 422);
    }
    return http::Response::redirect(edition_url(e, "/hubs/" + to_string(row.id) + "?done=saved"));
}

http::Response hub_follow(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto row = hub_in_path(ex, e);
    const auto& form = ex.form();
    try {
        follow_sessions(ex, e, row, form.all("sessions"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        ex.restart_write();
        return hub_with(ex, e, row, &form, err.fields(), 422);
    }
    return http::Response::redirect(
        edition_url(e, "/hubs/" + to_string(row.id) + "?done=followed#sessions"));
}

}  // namespace convene::web
