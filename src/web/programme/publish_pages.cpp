// The Secretariat's side of publishing: the versions page (what publishing the draft now
// would do, the button, every published version, two versions compared) and the page of
// changes awaiting the organisers' consent, where a change is imposed with a written
// reason or withdrawn.
#include <algorithm>
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "web/programme/handlers.hpp"
#include "web/programme/publish_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

// The sessions' codes, for "New sessions ...: 2 (WS3, YF1)"; the last one marked.
template <typename Item>
nlohmann::json codes_view(const TimetableNames& names, const std::vector<Item>& items) {
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& item : items) {
        auto view = session_view(names, item.session);
        codes.push_back({{"code", view["code"]}, {"title", view["title"]}, {"last", false}});
    }
    if (!codes.empty()) codes.back()["last"] = true;
    return codes;
}

nlohmann::json version_options(const std::vector<store::TimetableVersion>& versions,
                               std::int64_t current) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& v : versions)
        choices.push_back(
            {std::to_string(v.number), say("publish.version.option", {{"number", v.number}})});
    return options_view(choices, std::to_string(current));
}

http::Response versions_with(Exchange& ex, const store::Edition& e, const std::string& notice,
                             const std::string& problem, int status) {
    auto versions = store::timetable_versions(ex.db(), e.id);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        nlohmann::json row = {{"number", v.number},
                              {"published", time_view(v.published_at, e.time_zone)},
                              {"published_by", v.published_by},
                              {"note", v.note},
                              {"has_previous", i + 1 < versions.size()}};
        if (i + 1 < versions.size()) row["previous"] = versions[i + 1].number;
        rows.push_back(row);
    }
    auto preview = publication_preview(ex, e);
    auto names = timetable_names(ex, e);
    auto pending = store::placement_changes(ex.db(), e.id, "pending").size();
    auto newest = versions.empty() ? 0 : versions.front().number;
    nlohmann::json view = {
        {"title", say("page.programme.versions.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"versions", rows},
        {"has_versions", !versions.empty()},
        {"can_compare", versions.size() > 1},
        {"from_options", version_options(versions, newest > 1 ? newest - 1 : newest)},
        {"to_options", version_options(versions, newest)},
        {"preview",
         {{"added", preview.added.size()},
          {"moved", preview.moved.size()},
          {"cancelled", preview.cancelled.size()},
          {"added_codes", codes_view(names, preview.added)},
          {"moved_codes", codes_view(names, preview.moved)},
          {"cancelled_codes", codes_view(names, preview.cancelled)},
          {"has_added", !preview.added.empty()},
          {"has_moved", !preview.moved.empty()},
          {"has_cancelled", !preview.cancelled.empty()},
          {"nothing", preview.empty()},
          {"first", versions.empty()}}},
        {"pending", pending},
        {"has_pending", pending > 0},
        {"notice", notice},
        {"has_notice", !notice.empty()},
        {"problem", problem},
        {"has_problem", !problem.empty()}};
    return ex.page("programme/versions", view, status);
}

}  // namespace

http::Response timetable_versions_page(Exchange& ex) {
    auto e = managed_edition(ex);
    std::string notice;
    auto published = ex.request.query_param("published");
    if (!published.empty() && published.size() < 10 &&
        published.find_first_not_of("0123456789") == std::string::npos)
        notice = say("publish.done", {{"number", published}});
    return versions_with(ex, e, notice, "", 200);
}

http::Response timetable_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    try {
        auto done = publish_timetable(ex, e);
        if (!done.changes.empty())
            return http::Response::redirect(edition_url(e, "/timetable/changes?asked=") +
                                            std::to_string(done.changes.size()));
        return http::Response::redirect(edition_url(e, "/timetable/versions?published=") +
                                        std::to_string(done.version));
    } catch (const http::Error& err) {
        if (err.status() != 409 && err.status() != 422) throw;
        ex.restart_write();
        auto problem = err.fields().empty() ? err.detail() : err.fields().front().message;
        return versions_with(ex, e, "", problem, err.status());
    }
}

http::Response timetable_diff_form(Exchange& ex) {
    auto e = managed_edition(ex);
    auto a = ex.request.query_param("from"), b = ex.request.query_param("to");
    auto number = [](const std::string& t) {
        return !t.empty() && t.size() < 10 &&
               t.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!number(a) || !number(b))
        throw http::unprocessable({{number(a) ? "to" : "from", say("publish.version.choose")}});
    return http::Response::redirect(edition_url(e, "/timetable/versions/" + a + "/diff/" + b));
}

http::Response timetable_diff_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto a = ex.params.integer("a"), b = ex.params.integer("b");
    auto diff = versions_diff_view(ex, e, a, b);
    auto versions = store::timetable_versions(ex.db(), e.id);
    diff["title"] = say("page.programme.diff.title", {{"from", a}, {"to", b}});
    diff["edition"] = edition_view(e);
    diff["has_moved"] = !diff["moved"].empty();
    diff["has_added"] = !diff["added"].empty();
    diff["has_cancelled"] = !diff["cancelled"].empty();
    diff["from_options"] = version_options(versions, a);
    diff["to_options"] = version_options(versions, b);
    return ex.page("programme/diff", diff);
}

namespace {

http::Response changes_with(Exchange& ex, const store::Edition& e, const std::string& notice,
                            std::optional<PlacementChangeId> failed, const FieldErrors& errors,
                            const std::string& typed, int status) {
    auto names = timetable_names(ex, e);
    nlohmann::json pending = nlohmann::json::array(), decided = nlohmann::json::array();
    for (const auto& c : store::placement_changes(ex.db(), e.id, "")) {
        auto v = change_view(ex, names, c, c.status == "pending");
        bool this_one = failed && *failed == c.id;
        auto field = field_view("reason", say("publish.impose.field"), this_one ? typed : "",
                                this_one ? errors : FieldErrors{}, "textarea", true,
                                say("publish.impose.hint"));
        // One reason box per change: ids that stay unique on the page.
        auto id = "field-reason-" + to_string(c.id);
        auto described = field["described_by"].get<std::string>();
        for (auto at = described.find("field-reason"); at != std::string::npos;
             at = described.find("field-reason", at + id.size()))
            described.replace(at, 12, id);
        field["id"] = id;
        field["described_by"] = described;
        v["reason_field"] = field;
        (c.status == "pending" ? pending : decided).push_back(v);
    }
    // Newest decisions first.
    std::reverse(decided.begin(), decided.end());
    auto settings = store::programme_settings(ex.db(), e.id);
    auto locked = programme::programme_locked(settings, ex.now());
    nlohmann::json summary = nlohmann::json::array();
    for (const auto& err : errors) {
        // The reason box of the change, while it still waits; else the list of changes.
        bool waiting = false;
        for (const auto& c : pending)
            waiting = waiting || (failed && c["id"].get<std::int64_t>() == failed->value());
        auto id = waiting ? "field-reason-" + to_string(*failed) : std::string("pending");
        summary.push_back({{"id", id}, {"message", err.message}});
    }
    nlohmann::json view = {
        {"title", say("page.programme.changes.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"pending", pending},
        {"has_pending", !pending.empty()},
        {"decided", decided},
        {"has_decided", !decided.empty()},
        {"locked", locked},
        {"locked_text",
         locked ? say("publish.locked",
                      {{"at",
                        time_view(settings.locked_from, e.time_zone)["text"].get<std::string>()}})
                : std::string()},
        {"notice", notice},
        {"has_notice", !notice.empty()},
        {"errors", summary},
        {"has_errors", !summary.empty()}};
    return ex.page("programme/changes", view, status);
}

}  // namespace

http::Response timetable_changes_page(Exchange& ex) {
    auto e = managed_edition(ex);
    std::string notice;
    auto asked = ex.request.query_param("asked");
    auto done = ex.request.query_param("done");
    if (!asked.empty() && asked.size() < 6 &&
        asked.find_first_not_of("0123456789") == std::string::npos)
        notice = say("publish.asked", {{"count", asked}});
    else if (done == "imposed" || done == "withdrawn")
        notice = say("publish.change.done." + done);
    return changes_with(ex, e, notice, std::nullopt, {}, "", 200);
}

http::Response timetable_change_impose(Exchange& ex) {
    auto e = managed_edition(ex);
    auto c = change_in_path(ex, e);
    auto reason = ex.form().get("reason");
    try {
        impose_change(ex, e, c, reason);
    } catch (const http::Error& err) {
        if (err.status() != 409 && err.status() != 422) throw;
        ex.restart_write();
        auto errors = err.fields().empty() ? FieldErrors{{"reason", err.detail()}} : err.fields();
        return changes_with(ex, e, "", c.id, errors, reason, err.status());
    }
    return http::Response::redirect(edition_url(e, "/timetable/changes?done=imposed"));
}

http::Response timetable_change_withdraw(Exchange& ex) {
    auto e = managed_edition(ex);
    auto c = change_in_path(ex, e);
    try {
        withdraw_change(ex, e, c);
    } catch (const http::Error& err) {
        if (err.status() != 409) throw;
        ex.restart_write();
        return changes_with(ex, e, "", c.id, {{"reason", err.detail()}}, "", 409);
    }
    return http::Response::redirect(edition_url(e, "/timetable/changes?done=withdrawn"));
}

}  // namespace convene::web
