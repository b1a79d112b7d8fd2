#include "store/editions.hpp"

#include "http/error.hpp"
#include "store/decisions.hpp"
#include "store/submissions.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/views.hpp"

namespace convene::web {

namespace {

EditionDraft edition_draft(const http::Form& f) {
    return {f.get("name"),     f.get("year"),      f.get("start_date"),
            f.get("end_date"), f.get("time_zone"), f.get("venue")};
}

ThemeDraft theme_draft(const http::Form& f) {
    return {f.get("name"), f.get("description")};
}

std::int64_t create_edition(Exchange& ex, const EditionDraft& draft) {
    ex.require_role(Role::admin);
    throw_if_invalid(validate_edition(draft));
    auto id = store::create_edition(ex.db(), draft, ex.now());
    ex.audit("edition.create", "edition " + std::to_string(id),
             {{"name", draft.name}, {"year", draft.year}, {"venue", draft.venue}});
    ex.publish("editions", {{"event", "edition.created"},
                            {"id", id},
                            {"name", draft.name},
                            {"text", "A new edition was created: " + draft.name +
                                         ". Reload the page to see it."}});
    return id;
}

std::int64_t create_theme(Exchange& ex, const store::Edition& edition, const ThemeDraft& draft) {
    ex.require_role(Role::admin, edition.id);
    throw_if_invalid(validate_theme(draft));
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::add_theme(ex.db(), edition.id, draft);
        attempt.release();
        ex.audit("theme.create", "edition " + std::to_string(edition.id),
                 {{"theme_id", id}, {"name", draft.name}});
        return id;
    } catch (const db::Error& e) {
        if (e.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict(
            "This edition already has a theme of that name.",
            {{"name", "This edition already has a theme named " + draft.name + "."}});
    }
}

nlohmann::json edition_form_view(const EditionDraft& d, const FieldErrors& errors) {
    return {{"title", "New edition - Convene"},
            {"errors", error_summary(errors)},
            {"has_errors", !errors.empty()},
            {"fields",
             {field_view("name", "Name", d.name, errors, "text", true, "For example: IGF 2027"),
              field_view("year", "Year", d.year, errors, "text", true),
              field_view("start_date", "First day", d.start_date, errors, "date", true,
                         "Format: 2027-06-15"),
              field_view("end_date", "Last day", d.end_date, errors, "date", true,
                         "Format: 2027-06-18"),
              field_view("time_zone", "Time zone of the venue", d.time_zone, errors, "text", true,
                         "For example: Europe/Paris or Africa/Nairobi"),
              field_view("venue", "Venue", d.venue, errors, "text", true)}}};
}

http::Response edition_page(Exchange& ex, const store::Edition& e, const ThemeDraft& theme,
                            const FieldErrors& errors, int status) {
    auto& c = ex.db();
    nlohmann::json view = edition_view(e);
    view["title"] = e.name + " - Convene";
    view["themes"] = nlohmann::json::array();
    for (const auto& t : store::list_themes(c, e.id)) view["themes"].push_back(theme_view(t));
    view["has_themes"] = !view["themes"].empty();
    view["rooms"] = nlohmann::json::array();
    for (const auto& r : store::list_rooms(c, e.id)) view["rooms"].push_back(room_view(r));
    view["has_rooms"] = !view["rooms"].empty();
    view["session_types"] = nlohmann::json::array();
    for (const auto& t : store::list_session_types(c, e.id))
        view["session_types"].push_back({{"name", t.name}, {"durations", t.durations}});
    auto counts = store::count_edition(c, e.id);
    view["proposal_count"] = counts.proposals;
    view["member_count"] = counts.members;
    view["can_manage"] = ex.has_role(Role::admin, e.id);
    view["is_member"] = ex.has_role(Role::evaluator, e.id);
    view["results_published"] = !store::results_published_at(ex.db(), e.id).empty();
    auto call = store::load_call(c, e.id);
    auto state = call_state(call, ex.now());
    view["call_sentence"] = call_state_sentence(call, state);
    view["call_closes_at"] = call.closes_at;
    view["call_open"] = state == CallState::open;
    view["errors"] = error_summary(errors);
    view["has_errors"] = !errors.empty();
    view["theme_fields"] = {
        field_view("name", "Theme name", theme.name, errors, "text", true),
        field_view("description", "Description", theme.description, errors, "textarea")};
    return ex.page("edition", view, status);
}

}  // namespace

http::Response edition_list(Exchange& ex) {
    nlohmann::json view = {{"title", "Editions - Convene"}, {"editions", nlohmann::json::array()}};
    for (const auto& e : store::list_editions(ex.db())) view["editions"].push_back(edition_view(e));
    view["has_editions"] = !view["editions"].empty();
    view["can_create"] = ex.has_role(Role::admin);
    return ex.page("editions", view);
}

http::Response edition_new_form(Exchange& ex) {
    ex.require_role(Role::admin);
    return ex.page("edition_new", edition_form_view({}, {}));
}

http::Response edition_create(Exchange& ex) {
    auto draft = edition_draft(ex.form());
    try {
        auto id = create_edition(ex, draft);
        return http::Response::redirect("/editions/" + std::to_string(id));
    } catch (const http::Error& e) {
        if (e.status() != 422) throw;
        return ex.page("edition_new", edition_form_view(draft, e.fields()), 422);
    }
}

http::Response edition_show(Exchange& ex) {
    return edition_page(ex, edition_in_path(ex), {}, {}, 200);
}

http::Response theme_create(Exchange& ex) {
    auto edition = edition_in_path(ex);
    auto draft = theme_draft(ex.form());
    try {
        create_theme(ex, edition, draft);
        return http::Response::redirect("/editions/" + std::to_string(edition.id) + "#themes");
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        return edition_page(ex, edition, draft, e.fields(), e.status());
    }
}

http::Response api_edition_list(Exchange& ex) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : store::list_editions(ex.db())) out.push_back(edition_view(e));
    return http::Response::json({{"editions", out}});
}

http::Response api_edition_create(Exchange& ex) {
    auto id = create_edition(ex, edition_draft(ex.form()));
    auto r = http::Response::json(edition_view(*store::find_edition(ex.db(), id)), 201);
    r.set_header("location", "/api/v1/editions/" + std::to_string(id));
    return r;
}

http::Response api_edition_show(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto out = edition_view(e);
    out["themes"] = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), e.id)) out["themes"].push_back(theme_view(t));
    out["rooms"] = nlohmann::json::array();
    for (const auto& r : store::list_rooms(ex.db(), e.id)) out["rooms"].push_back(room_view(r));
    out["session_types"] = nlohmann::json::array();
    for (const auto& t : store::list_session_types(ex.db(), e.id))
        out["session_types"].push_back(
            {{"code", t.code}, {"name", t.name}, {"durations", t.durations}});
    auto counts = store::count_edition(ex.db(), e.id);
    out["proposal_count"] = counts.proposals;
    return http::Response::json(out);
}

http::Response api_theme_list(Exchange& ex) {
    auto e = edition_in_path(ex);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), e.id)) out.push_back(theme_view(t));
    return http::Response::json({{"themes", out}});
}

http::Response api_theme_create(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto draft = theme_draft(ex.form());
    auto id = create_theme(ex, e, draft);
    return http::Response::json(
        {{"id", id}, {"name", draft.name}, {"description", draft.description}}, 201);
}

}  // namespace convene::web
