// The Secretariat's planning page: the sessions it creates itself (opening, main sessions,
// high-level events), the times people cannot be there, and online speakers' time zones,
// which the solver reads with the accepted proposals.
#include "core/common/messages.hpp"
#include "core/editions/edition.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/venue.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/planning_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json options(const std::vector<std::pair<std::string, std::string>>& choices,
                       const std::string& chosen) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, label] : choices)
        out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
    return out;
}

nlohmann::json session_form(Exchange& ex, const store::Edition& e, const http::Form* typed,
                            const FieldErrors& errors) {
    auto value = [&](const char* name, const std::string& fallback = "") {
        return typed ? typed->get(name) : fallback;
    };
    std::vector<std::pair<std::string, std::string>> types,
        rooms = {{"", say("planning.not_fixed")}};
    for (const auto& t : standard_session_types()) types.emplace_back(t.code, t.name);
    for (const auto& r : store::venue_rooms(ex.db(), e.id))
        rooms.emplace_back(to_string(r.id), r.room.name);
    auto type = field_view("session_type", say("planning.field.session_type"),
                           value("session_type", "main_session"), errors, "select", true);
    type["options"] = options(types, value("session_type", "main_session"));
    auto room = field_view("fixed_room", say("planning.field.fixed_room"), value("fixed_room"),
                           errors, "select");
    room["options"] = options(rooms, value("fixed_room"));
    nlohmann::json needs = nlohmann::json::array();
    for (const auto& f : programme::room_features())
        needs.push_back({{"code", f},
                         {"label", say("venue.feature." + f)},
                         {"checked", typed && typed->has("need_" + f)}});
    std::string need_error;
    for (const auto& err : errors)
        if (err.field == "needs") need_error = err.message;
    return {{"code", field_view("code", say("planning.field.code"), value("code"), errors, "text",
                                true, say("planning.field.code_hint"))},
            {"title", field_view("title", say("planning.field.title"), value("title"), errors,
                                 "text", true)},
            {"session_type", type},
            {"duration", field_view("duration", say("planning.field.duration"),
                                    value("duration", "90"), errors, "text", true)},
            {"demand",
             field_view("demand", say("planning.field.demand"), value("demand", "0"), errors)},
            {"needs", needs},
            {"need_error", need_error},
            {"people", field_view("people", say("planning.field.people"), value("people"), errors,
                                  "textarea", false, say("planning.field.people_hint"))},
            {"fixed_room", room},
            {"fixed_start",
             field_view("fixed_start", say("planning.field.fixed_start"), value("fixed_start"),
                        errors, "text", false, say("planning.field.fixed_start_hint"))}};
}

http::Response planning_with(Exchange& ex, const store::Edition& e, const std::string& part,
                             const http::Form* typed, const FieldErrors& errors, int status) {
    auto shown = form_field_errors(errors);
    auto for_part = [&](const std::string& name) { return part == name ? shown : FieldErrors{}; };
    auto typed_for = [&](const std::string& name) { return part == name ? typed : nullptr; };
    nlohmann::json unavailable = unavailable_json(ex, e);
    for (auto& u : unavailable)  // "2027-06-23 09:00" reads better than the stored "T"
        for (const char* end : {"start", "end"}) {
            auto t = u[end].get<std::string>();
            if (t.size() > 10) t[10] = ' ';
            u[std::string(end) + "_text"] = t;
        }
    nlohmann::json zoned = nlohmann::json::array();
    for (const auto& p : store::people_with_time_zones(ex.db(), e.id))
        zoned.push_back({{"name", p.name}, {"email", p.email}, {"time_zone", p.time_zone}});
    auto value = [&](const char* part_name, const char* name) {
        auto* t = typed_for(part_name);
        return t ? t->get(name) : std::string();
    };
    auto u_errors = for_part("unavailable"), z_errors = for_part("zone");
    for (auto& err : z_errors)  // the form's box for the e-mail has a name of its own
        if (err.field == "email") err.field = "zone_email";
    nlohmann::json view = {
        {"title", say("page.programme.planning.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"session", session_form(ex, e, typed_for("session"), for_part("session"))},
        {"unavailable", unavailable},
        {"has_unavailable", !unavailable.empty()},
        {"unavailable_form",
         {{"email", field_view("email", say("planning.field.email"), value("unavailable", "email"),
                               u_errors, "email", true)},
          {"start", field_view("start", say("planning.field.start"), value("unavailable", "start"),
                               u_errors, "text", true, say("planning.field.time_hint"))},
          {"end", field_view("end", say("planning.field.end"), value("unavailable", "end"),
                             u_errors, "text", true, say("planning.field.time_hint"))}}},
        {"zoned", zoned},
        {"has_zoned", !zoned.empty()},
        {"zone_form",
         {{"email", field_view("zone_email", say("planning.field.email"),
                               value("zone", "zone_email"), z_errors, "email", true)},
          {"time_zone",
           field_view("time_zone", say("planning.field.time_zone"), value("zone", "time_zone"),
                      z_errors, "text", false, say("planning.field.time_zone_hint"))}}},
        {"saved", ex.request.query_param("saved")},
        {"errors", error_summary(part == "zone" ? z_errors : shown)},
        {"has_errors", !errors.empty()}};
    return ex.page("programme/planning", view, status);
}

// Runs a form's action; its 4xx comes back on the page with what was typed.
template <class Action>
http::Response on_page(Exchange& ex, const store::Edition& e, const std::string& part,
                       const std::string& anchor, Action action) {
    const auto& form = ex.form();
    try {
        action(form);
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409 && err.status() != 404) throw;
        auto fields = err.fields().empty() ? FieldErrors{{"", err.detail()}} : err.fields();
        return planning_with(ex, e, part, &form, fields, err.status());
    }
    return http::Response::redirect(
        edition_url(e, "/timetable/planning?saved=" + part + "#" + anchor));
}

}  // namespace

http::Response planning_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return planning_with(ex, e, "", nullptr, {}, 200);
}

http::Response planning_session_add(Exchange& ex) {
    auto e = managed_edition(ex);
    return on_page(ex, e, "session", "create", [&](const http::Form& form) {
        FieldErrors errors;
        auto s = created_session_in_form(ex, form, errors);
        create_session(ex, e, s, errors);
    });
}

http::Response planning_unavailable_add(Exchange& ex) {
    auto e = managed_edition(ex);
    return on_page(ex, e, "unavailable", "unavailable", [&](const http::Form& form) {
        add_unavailable(ex, e, form.get("email"), form.get("start"), form.get("end"));
    });
}

http::Response planning_unavailable_remove(Exchange& ex) {
    auto e = managed_edition(ex);
    remove_unavailable(ex, e, ex.params.integer("entry"));
    return http::Response::redirect(
        edition_url(e, "/timetable/planning?saved=removed#unavailable"));
}

http::Response planning_time_zone(Exchange& ex) {
    auto e = managed_edition(ex);
    return on_page(ex, e, "zone", "time-zones", [&](const http::Form& form) {
        set_time_zone(ex, form.get("zone_email"), form.get("time_zone"));
    });
}

}  // namespace convene::web
