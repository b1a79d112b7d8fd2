// The timetable's settings, for the Secretariat: the grid of starts, the weights of the
// compromises the solver weighs, and the date from which no session moves (speakers
// travelling).
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/timetable_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

const std::vector<int> grid_choices = {5, 10, 15, 20, 30, 60};

// A whole number as typed, or the text itself so the action names the field.
nlohmann::json typed_number(const http::Form& form, const char* name) {
    auto typed = trim(form.get(name));
    if (!typed.empty() && typed.size() <= 9 &&
        typed.find_first_not_of("0123456789") == std::string::npos)
        return std::stoll(typed);
    return typed;
}

// The form as the settings action reads its JSON; a lock date typed "2027-06-20 18:00"
// is UTC, as stored ("2027-06-20T18:00:00Z").
nlohmann::json settings_body(const http::Form& form) {
    auto lock = trim(form.get("locked_from"));
    if (lock.size() == 16 && lock[10] == ' ')
        lock = lock.substr(0, 10) + "T" + lock.substr(11) + ":00Z";
    return {{"granularity", typed_number(form, "granularity")},
            {"weights",
             {{"overflow", typed_number(form, "weight_overflow")},
              {"similar", typed_number(form, "weight_similar")},
              {"night", typed_number(form, "weight_night")},
              {"change", typed_number(form, "weight_change")}}},
            {"locked_from", lock}};
}

// "weights.night" is the form's "weight_night".
FieldErrors form_fields(FieldErrors errors) {
    for (auto& e : errors)
        if (e.field.rfind("weights.", 0) == 0) e.field = "weight_" + e.field.substr(8);
    return errors;
}

}  // namespace

http::Response settings_with(Exchange& ex, const store::Edition& e,
                             const programme::ProgrammeSettings& s, const http::Form* typed,
                             const FieldErrors& errors, int status) {
    auto value = [&](const char* name, const std::string& stored) {
        return typed ? typed->get(name) : stored;
    };
    std::vector<std::pair<std::string, std::string>> grids;
    for (int g : grid_choices)
        grids.emplace_back(std::to_string(g), say("timetable.settings.minutes", {{"minutes", g}}));
    auto grid = field_view("granularity", say("timetable.settings.field.granularity"),
                           value("granularity", std::to_string(s.granularity)), errors, "select",
                           false, say("timetable.settings.field.granularity_hint"));
    grid["options"] = options_view(grids, grid["value"].get<std::string>());
    auto weight_field = [&](const char* kind, std::int64_t stored) {
        std::string name = std::string("weight_") + kind;
        return field_view(name, say(std::string("timetable.settings.field.") + name),
                          value(name.c_str(), std::to_string(stored)), errors, "text", true,
                          say(std::string("timetable.settings.field.") + name + "_hint"));
    };
    nlohmann::json view = {
        {"title", say("page.programme.timetable_settings.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"form",
         {{"granularity", grid},
          {"weight_overflow", weight_field("overflow", s.weights.overflow)},
          {"weight_similar", weight_field("similar", s.weights.similar)},
          {"weight_night", weight_field("night", s.weights.night)},
          {"weight_change", weight_field("change", s.weights.change)},
          {"locked_from", field_view("locked_from", say("timetable.settings.field.locked_from"),
                                     value("locked_from", s.locked_from), errors, "text", false,
                                     say("timetable.settings.field.locked_from_hint"))}}},
        {"locked_from", time_view(s.locked_from, e.time_zone)},
        {"locked", programme::programme_locked(s, ex.now())},
        {"saved", ex.request.query_param("saved") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()},
    };
    return ex.page("programme/timetable_settings", view, status);
}

http::Response timetable_settings_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return settings_with(ex, e, store::programme_settings(ex.db(), e.id), nullptr, {}, 200);
}

http::Response timetable_settings_save(Exchange& ex) {
    auto e = managed_edition(ex);
    auto stored = store::programme_settings(ex.db(), e.id);
    const auto& form = ex.form();
    try {
        save_settings(ex, e, settings_in_body(settings_body(form), stored));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return settings_with(ex, e, stored, &form, form_fields(err.fields()), 422);
    }
    return http::Response::redirect(edition_url(e, "/timetable/settings?saved=1"));
}

}  // namespace convene::web
