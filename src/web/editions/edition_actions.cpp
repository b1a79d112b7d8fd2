// Creating editions and their themes, shared by the pages and the API.
#include "web/editions/edition_actions.hpp"

#include "core/common/messages.hpp"
#include "core/editions/progress.hpp"
#include "core/policy/policy.hpp"
#include "http/error.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/live/rooms.hpp"
#include "store/programme/changes.hpp"
#include "store/programme/timetable.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

EditionDraft edition_draft(const http::Form& f) {
    return {f.get("name"),     f.get("year"),      f.get("start_date"),
            f.get("end_date"), f.get("time_zone"), f.get("venue")};
}

ThemeDraft theme_draft(const http::Form& f) {
    return {f.get("name"), f.get("description")};
}

EditionId create_edition(Exchange& ex, const EditionDraft& draft) {
    ex.require(policy::may_create_edition(ex.actor()), say("policy.secretariat_only"));
    throw_if_invalid(validate_edition(draft));
    auto id = store::create_edition(ex.db(), draft, ex.now());
    ex.audit("edition.create", "edition " + to_string(id),
             {{"name", draft.name}, {"year", draft.year}, {"venue", draft.venue}});
    ex.publish("editions", {{"event", "edition.created"},
                            {"id", id},
                            {"name", draft.name},
                            {"text", say("editions.created_notice", {{"name", draft.name}})}});
    return id;
}

ThemeId create_theme(Exchange& ex, const store::Edition& edition, const ThemeDraft& draft) {
    ex.require(policy::may_manage_edition(ex.actor(), edition.id), say("policy.secretariat_only"));
    throw_if_invalid(validate_theme(draft));
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::add_theme(ex.db(), edition.id, draft);
        attempt.release();
        ex.audit("theme.create", "edition " + to_string(edition.id),
                 {{"theme_id", id}, {"name", draft.name}});
        return id;
    } catch (const db::Error& e) {
        if (e.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict(
            say("editions.this_edition_already_has_a_theme"),
            {{"name", say("editions.theme.exists_named", {{"name", draft.name}})}});
    }
}

nlohmann::json edition_form_view(const EditionDraft& d, const FieldErrors& errors) {
    return {{"title", say("page.editions.new_edition.title")},
            {"errors", error_summary(errors)},
            {"has_errors", !errors.empty()},
            {"fields",
             {field_view("name", say("editions.name"), d.name, errors, "text", true,
                         say("editions.for_example_igf_2027")),
              field_view("year", say("editions.year"), d.year, errors, "text", true),
              field_view("start_date", say("editions.first_day"), d.start_date, errors, "date",
                         true, say("editions.format_2027_06_15")),
              field_view("end_date", say("editions.last_day"), d.end_date, errors, "date", true,
                         say("editions.format_2027_06_18")),
              field_view("time_zone", say("editions.time_zone_of_the_venue"), d.time_zone, errors,
                         "text", true, say("editions.for_example_europe_paris_or_africa")),
              field_view("venue", say("editions.venue"), d.venue, errors, "text", true)}}};
}

namespace {

// The counts of every stage and the next thing to do, for the Secretariat.
nlohmann::json dashboard_view(Exchange& ex, const store::Edition& e, CallState call) {
    auto counts = store::count_stages(ex.db(), e.id);
    EditionProgress p;
    p.call_scheduled = call != CallState::not_scheduled;
    p.call_closed = call == CallState::closed;
    p.drafts = counts.drafts;
    p.submitted = counts.submitted;
    p.withdrawn = counts.withdrawn;
    p.screened = counts.screened;
    p.assigned = counts.assigned;
    p.published = counts.published;
    p.evaluations_submitted = counts.evaluations_submitted;
    p.round_closed = !store::evaluation_settings(ex.db(), e.id).closed_at.empty();
    p.selection_made = counts.selection_made;
    p.decisions = counts.decisions;
    p.results_published = !store::results_published_at(ex.db(), e.id).empty();
    p.rooms = static_cast<int>(store::list_rooms(ex.db(), e.id).size());
    p.timetable_versions = static_cast<int>(store::timetable_versions(ex.db(), e.id).size());
    p.pending_changes = static_cast<int>(store::placement_changes(ex.db(), e.id, "pending").size());
    auto next = next_step(p);
    int percent = p.published > 0 ? p.evaluations_submitted * 100 / p.published : 0;
    return {{"drafts", p.drafts},
            {"submitted", p.submitted},
            {"withdrawn", p.withdrawn},
            {"screened", p.screened},
            {"assigned", p.assigned},
            {"published", p.published},
            {"evaluations_submitted", p.evaluations_submitted},
            {"evaluated_percent", percent},
            {"round_closed", p.round_closed},
            {"selection_made", p.selection_made},
            {"decisions", p.decisions},
            {"results_published", p.results_published},
            {"next", say(next.key, {{"submitted", p.submitted},
                                    {"done", p.evaluations_submitted},
                                    {"places", p.published},
                                    {"pending", p.pending_changes}})},
            {"next_url", edition_url(e, next.page)}};
}

}  // namespace

http::Response edition_page(Exchange& ex, const store::Edition& e, const ThemeDraft& theme,
                            const FieldErrors& errors, int status) {
    auto& c = ex.db();
    nlohmann::json view = edition_view(e);
    view["title"] = say("page.editions.edition.title", {{"edition", e.name}});
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
    view["can_manage"] = policy::may_manage_edition(ex.actor(), e.id);
    view["is_member"] = policy::may_evaluate_in(ex.actor(), e.id);
    // Rooms live now: anyone may follow their queue.
    view["live_rooms"] = nlohmann::json::array();
    for (const auto& r : store::live_rooms(c, e.id))
        if (r.status == "open") view["live_rooms"].push_back({{"room", r.id}, {"title", r.title}});
    view["has_live_rooms"] = !view["live_rooms"].empty();
    view["results_published"] = !store::results_published_at(ex.db(), e.id).empty();
    auto call = store::load_call(c, e.id);
    auto state = call_state(call, ex.now());
    view["call_sentence"] = call_state_sentence(call, state, e.time_zone);
    view["call_closes_at"] = call.closes_at;
    view["call_open"] = state == CallState::open;
    if (view["can_manage"]) view["dashboard"] = dashboard_view(ex, e, state);
    view["errors"] = error_summary(errors);
    view["has_errors"] = !errors.empty();
    view["theme_fields"] = {
        field_view("name", say("editions.theme_name"), theme.name, errors, "text", true),
        field_view("description", say("editions.description"), theme.description, errors,
                   "textarea")};
    return ex.page("editions/edition", view, status);
}

}  // namespace convene::web
