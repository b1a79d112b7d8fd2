// The messages' pages for the MAG and the Secretariat: the edition's overview (themes and
// their messages, the comment period and publishing), writing a message, editing it over
// the version opened (a stale save is told and kept), and its history.
#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "web/messages/handlers.hpp"
#include "web/messages/message_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/kept.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json period_form(const MessagesContext& m, const http::Form* typed,
                           const FieldErrors& errors) {
    auto value = [&](const char* name, const std::string& stored) {
        return typed ? typed->get(name) : stored;
    };
    return {{"opens_at", field_view("opens_at", say("messages.field.opens_at"),
                                    value("opens_at", m.round.period.opens_at), errors, "text",
                                    true, say("messages.field.utc_hint"))},
            {"closes_at", field_view("closes_at", say("messages.field.closes_at"),
                                     value("closes_at", m.round.period.closes_at), errors, "text",
                                     true, say("messages.field.utc_hint"))}};
}

std::string period_words(const MessagesContext& m) {
    auto zone = m.edition.time_zone;
    MessageParams times = {{"opens", stored_time(m.round.period.opens_at, zone).text},
                           {"closes", stored_time(m.round.period.closes_at, zone).text}};
    switch (m.period) {
        case messages::PeriodState::not_set:
            return say("messages.period.not_set");
        case messages::PeriodState::not_yet_open:
            return say("messages.period.not_yet_open", times);
        case messages::PeriodState::open:
            return say("messages.period.open", times);
        case messages::PeriodState::closed:
            return say("messages.period.closed", times);
    }
    return "";
}

http::Response overview_with(Exchange& ex, const MessagesContext& m, const http::Form* typed,
                             const FieldErrors& errors, int status,
                             const std::string& notice = "") {
    const auto& e = m.edition;
    auto stored = store::edition_messages(ex.db(), e.id);
    auto counts = store::comment_counts(ex.db(), e.id);
    nlohmann::json themes = nlohmann::json::array();
    std::int64_t hidden = 0;
    for (const auto& t : store::list_themes(ex.db(), e.id)) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& msg : stored) {
            if (msg.theme != t.id) continue;
            auto c = counts[msg.id];
            hidden += c.hidden;
            list.push_back({{"title", msg.draft.title},
                            {"url", message_url(e.id, msg.id)},
                            {"stance_label", msg.draft.stance == "diverging"
                                                 ? say("messages.stance.diverging")
                                                 : say("messages.stance.converging")},
                            {"diverging", msg.draft.stance == "diverging"},
                            {"sessions", msg.cited.size()},
                            {"comments", c.shown},
                            {"has_comments", c.shown > 0},
                            {"handled", c.handled}});
        }
        themes.push_back({{"name", t.name},
                          {"id", t.id},
                          {"messages", list},
                          {"has_messages", !list.empty()},
                          {"page", messages_url(e.id, "/themes/" + to_string(t.id))},
                          {"new", messages_url(e.id, "/new?theme=" + to_string(t.id))}});
    }
    nlohmann::json view = {{"title", say("page.messages.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"themes", themes},
                           {"published", m.facts.published},
                           {"published_at", time_view(m.round.published_at, e.time_zone)},
                           {"period", period_words(m)},
                           {"drafter", m.drafter},
                           {"may_edit", m.may_edit},
                           {"secretariat", m.secretariat && !m.facts.published},
                           {"period_form", period_form(m, typed, errors)},
                           {"period_url", messages_url(e.id, "/period")},
                           {"publish_url", messages_url(e.id, "/publish")},
                           {"document", messages_url(e.id, "/document")},
                           {"count", stored.size()},
                           {"hidden", hidden},
                           {"refused", m.round.refused_comments},
                           {"show_counts", m.secretariat},
                           {"notice", notice},
                           {"saved", ex.request.query_param("saved")},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    return ex.page("messages/overview", view, status);
}

http::Response form_with(Exchange& ex, const MessagesContext& m, const store::Theme& theme,
                         const store::StoredMessage* stored, const messages::Draft& draft,
                         const http::Form* typed, const FieldErrors& errors, int status,
                         const std::string& notice = "") {
    const auto& e = m.edition;
    nlohmann::json view = {
        {"title", stored ? say("page.messages.edit.title", {{"title", stored->draft.title}})
                         : say("page.messages.new.title", {{"theme", theme.name}})},
        {"edition", edition_view(e)},
        {"theme", {{"id", theme.id}, {"name", theme.name}}},
        {"editing", stored != nullptr},
        {"action", stored ? message_url(e.id, stored->id) : messages_url(e.id)},
        {"back", stored ? message_url(e.id, stored->id) : messages_url(e.id)},
        {"version", stored ? stored->version : 0},
        {"form", message_form_view(ex, e, draft, typed, errors)},
        {"sessions", session_choices_view(ex, e, theme.id)},
        {"notice", notice},
        {"has_notice", !notice.empty()}};
    if (stored) {
        view["history"] = message_url(e.id, stored->id, "/history");
        view["current"] = message_view(e, *stored);
    }
    return ex.page("messages/form", view, status);
}

// A form posted again after signing in: the page with what was typed.
const http::Form* kept_or(Exchange& ex, const std::string& path, std::optional<http::Form>& kept) {
    kept = kept_form(ex, path);
    return kept ? &*kept : nullptr;
}

}  // namespace

http::Response messages_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    return overview_with(ex, m, nullptr, {}, 200);
}

http::Response messages_period(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    const auto& form = ex.form();
    try {
        set_period(ex, m, {form.get("opens_at"), form.get("closes_at")});
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        return overview_with(ex, m, &form, err.fields(), err.status(), err.detail());
    }
    return http::Response::redirect(messages_url(m.edition.id, "?saved=period"));
}

http::Response messages_publish(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    try {
        publish(ex, m);
    } catch (const http::Error& err) {
        if (err.status() != 409) throw;
        return overview_with(ex, m, nullptr, {}, 409, err.detail());
    }
    return http::Response::redirect(messages_url(m.edition.id, "?saved=published"));
}

http::Response message_new_form(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    std::optional<http::Form> kept;
    auto typed = kept_or(ex, messages_url(m.edition.id), kept);
    auto theme = theme_of_edition(
        ex, m.edition, typed ? typed->get("theme") : ex.request.query_param("theme"), "theme");
    return form_with(ex, m, theme, nullptr, {}, typed, {}, 200);
}

http::Response message_create(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    const auto& form = ex.form();
    auto theme = theme_of_edition(ex, m.edition, form.get("theme"), "theme");
    FieldErrors errors;
    auto draft = draft_in_form(ex, m.edition, form, errors);
    if (!errors.empty()) return form_with(ex, m, theme, nullptr, {}, &form, errors, 422);
    try {
        auto id = write_message(ex, m, theme, draft);
        return http::Response::redirect(message_url(m.edition.id, id, "?saved=1"));
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        return form_with(ex, m, theme, nullptr, {}, &form, err.fields(), err.status(),
                         err.status() == 409 ? err.detail() : "");
    }
}

http::Response message_edit_form(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    auto stored = message_in_path(ex, m);
    std::optional<http::Form> kept;
    auto typed = kept_or(ex, message_url(m.edition.id, stored.id), kept);
    store::Theme theme{stored.theme, stored.theme_name, ""};
    return form_with(ex, m, theme, &stored, stored.draft, typed, {}, 200);
}

http::Response message_save(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    auto stored = message_in_path(ex, m);
    store::Theme theme{stored.theme, stored.theme_name, ""};
    const auto& form = ex.form();
    FieldErrors errors;
    auto draft = draft_in_form(ex, m.edition, form, errors);
    auto version = form.get("version");
    if (version.empty() || version.size() > 12 ||
        version.find_first_not_of("0123456789") != std::string::npos)
        errors.push_back({"version", say("messages.version_missing")});
    if (!errors.empty()) return form_with(ex, m, theme, &stored, stored.draft, &form, errors, 422);
    try {
        save_message(ex, m, stored, draft, std::stoll(version));
    } catch (const http::Error& err) {
        if (err.status() == 422)
            return form_with(ex, m, theme, &stored, stored.draft, &form, err.fields(), 422);
        if (err.status() != 409) throw;
        // Someone saved it since: their version is shown beside what was typed, which is
        // also kept in the history; saving again replaces theirs.
        auto now = message_in_path(ex, m);
        ex.keep_writes_on_error();
        return form_with(ex, m, theme, &now, now.draft, &form, {}, 409, err.detail());
    }
    return http::Response::redirect(message_url(m.edition.id, stored.id, "?saved=1"));
}

http::Response message_history_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.drafter, say("messages.may_not_draft"));
    auto stored = message_in_path(ex, m);
    auto sessions = store::citable_sessions(ex.db(), m.edition.id);
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : store::message_versions(ex.db(), stored.id)) {
        std::string codes;
        for (const auto& c : v.draft.citations)
            for (const auto& s : sessions)
                if (s.id == c.session) codes += (codes.empty() ? "" : ", ") + s.code;
        nlohmann::json positions = nlohmann::json::array();
        for (const auto& p : v.draft.positions)
            positions.push_back({{"text", p.text}, {"groups", groups_text(p.groups)}});
        versions.push_back(
            {{"version", v.version},
             {"based_on", v.based_on},
             {"stale", v.kind == "stale"},
             {"author", v.author},
             {"saved", time_view(v.saved_at, m.edition.time_zone)},
             {"title", v.draft.title},
             {"body", v.draft.body},
             {"stance_label", v.draft.stance == "diverging" ? say("messages.stance.diverging")
                                                            : say("messages.stance.converging")},
             {"positions", positions},
             {"sessions", codes}});
    }
    nlohmann::json view = {
        {"title", say("page.messages.history.title", {{"title", stored.draft.title}})},
        {"edition", edition_view(m.edition)},
        {"message", message_view(m.edition, stored)},
        {"versions", versions}};
    return ex.page("messages/history", view);
}

}  // namespace convene::web
