// The Secretariat's venue page: the rooms with their seats, features, languages and open
// windows, a form to add one, and each room's own form.
#include <string>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/venue_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// The room form's fields, from the room or from what was typed.
nlohmann::json room_fields(const programme::VenueRoom& room, const http::Form* typed,
                           const FieldErrors& errors) {
    auto value = [&](const char* name, const std::string& stored) {
        return typed ? typed->get(name) : stored;
    };
    std::string languages;
    for (const auto& l : room.languages) languages += (languages.empty() ? "" : ", ") + l;
    nlohmann::json features = nlohmann::json::array();
    for (const auto& f : programme::room_features()) {
        bool has = std::find(room.features.begin(), room.features.end(), f) != room.features.end();
        features.push_back({{"code", f},
                            {"label", say("venue.feature." + f)},
                            {"checked", typed ? typed->has("feature_" + f) : has}});
    }
    std::string feature_error;
    for (const auto& e : errors)
        if (e.field == "features") feature_error = e.message;
    return {{"name", field_view("name", say("venue.field.name"), value("name", room.name), errors,
                                "text", true)},
            {"capacity", field_view("capacity", say("venue.field.capacity"),
                                    value("capacity", room.capacity ? std::to_string(room.capacity)
                                                                    : std::string()),
                                    errors, "text", true)},
            {"turnover", field_view("turnover", say("venue.field.turnover"),
                                    value("turnover", std::to_string(room.turnover)), errors,
                                    "text", false, say("venue.field.turnover_hint"))},
            {"languages",
             field_view("languages", say("venue.field.languages"), value("languages", languages),
                        errors, "text", false, say("venue.field.languages_hint"))},
            {"windows", field_view("windows", say("venue.field.windows"),
                                   value("windows", programme::windows_text(room.windows)), errors,
                                   "textarea", false, say("venue.field.windows_hint"))},
            {"features", features},
            {"feature_error", feature_error}};
}

http::Response venue_with(Exchange& ex, const store::Edition& e, const http::Form* typed,
                          const FieldErrors& errors, int status) {
    nlohmann::json rooms = nlohmann::json::array();
    for (const auto& r : store::venue_rooms(ex.db(), e.id)) {
        // One line a day: "2027-06-15: 09:00–12:00, 15:00–18:00".
        nlohmann::json windows = nlohmann::json::array();
        for (const auto& w : r.room.windows) {
            auto day = w.start.substr(0, 10);
            auto span = w.start.substr(11) + "–" + w.end.substr(11);
            if (!windows.empty() && windows.back()["day"] == day)
                windows.back()["times"] = windows.back()["times"].get<std::string>() + ", " + span;
            else
                windows.push_back({{"day", day}, {"times", span}});
        }
        rooms.push_back({{"id", r.id},
                         {"name", r.room.name},
                         {"capacity", r.room.capacity},
                         {"features", features_words(r.room)},
                         {"turnover", r.room.turnover},
                         {"windows", windows},
                         {"has_windows", !windows.empty()}});
    }
    programme::VenueRoom blank;
    nlohmann::json view = {{"title", say("page.programme.venue.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"rooms", rooms},
                           {"has_rooms", !rooms.empty()},
                           {"form", room_fields(blank, typed, form_field_errors(errors))},
                           {"saved", ex.request.query_param("saved") == "1"},
                           {"errors", error_summary(form_field_errors(errors))},
                           {"has_errors", !errors.empty()}};
    return ex.page("programme/venue", view, status);
}

http::Response room_with(Exchange& ex, const store::Edition& e, const store::StoredRoom& r,
                         const http::Form* typed, const FieldErrors& errors, int status,
                         const std::string& notice = "") {
    nlohmann::json view = {{"title", say("page.programme.room.title", {{"room", r.room.name}})},
                           {"edition", edition_view(e)},
                           {"room", {{"id", r.id}, {"name", r.room.name}}},
                           {"version", r.version},
                           {"form", room_fields(r.room, typed, form_field_errors(errors))},
                           {"notice", notice},
                           {"has_notice", !notice.empty()},
                           {"errors", error_summary(form_field_errors(errors))},
                           {"has_errors", !errors.empty()}};
    return ex.page("programme/room", view, status);
}

}  // namespace

http::Response venue_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return venue_with(ex, e, nullptr, {}, 200);
}

http::Response venue_room_add(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    FieldErrors errors;
    auto room = room_in_form(form, errors);
    if (!errors.empty()) return venue_with(ex, e, &form, errors, 422);
    try {
        add_room(ex, e, room);
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        return venue_with(ex, e, &form, err.fields(), err.status());
    }
    return http::Response::redirect(edition_url(e, "/venue?saved=1#rooms"));
}

http::Response venue_room_form(Exchange& ex) {
    auto e = managed_edition(ex);
    return room_with(ex, e, room_in_path(ex, e), nullptr, {}, 200);
}

http::Response venue_room_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = room_in_path(ex, e);
    const auto& form = ex.form();
    FieldErrors errors;
    auto room = room_in_form(form, errors);
    auto version = form.get("version");
    if (version.empty() || version.size() > 12 ||
        version.find_first_not_of("0123456789") != std::string::npos)
        return room_with(ex, e, stored, &form, {{"version", say("venue.room.changed_since")}}, 409,
                         say("venue.room.changed_since"));
    if (!errors.empty()) return room_with(ex, e, stored, &form, errors, 422);
    try {
        save_room(ex, e, stored.id, room, std::stoll(version));
    } catch (const http::Error& err) {
        if (err.status() == 422) return room_with(ex, e, stored, &form, err.fields(), 422);
        if (err.status() != 409) throw;
        // Someone saved the room since: their version is shown, what was typed is kept.
        auto now = room_in_path(ex, e);
        return room_with(ex, e, now, &form, err.fields(), 409, err.detail());
    }
    return http::Response::redirect(edition_url(e, "/venue?saved=1#rooms"));
}

}  // namespace convene::web
