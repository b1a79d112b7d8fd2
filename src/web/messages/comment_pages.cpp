// A message's page (its paragraphs with their public comments, the sessions it draws on,
// its positions, and the comment form while the period is open) and the MAG's view of
// the comments by paragraph, where each is marked handled and the Secretariat hides abuse.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "web/messages/handlers.hpp"
#include "web/messages/message_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string signature(const store::StoredComment& c) {
    return say("messages.comment.signature",
               {{"name", c.comment.name},
                {"group", choice_label(stakeholder_groups(), c.comment.stakeholder_group)},
                {"region", regional_group_label(c.comment.region)}});
}

// The first words of a paragraph for a list of choices, without Markdown's marks.
std::string plain_start(const std::string& paragraph) {
    std::string out;
    for (char c : paragraph) {
        if (c == '*' || c == '_' || c == '`' || c == '#' || c == '>' || c == '[' || c == ']')
            continue;
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return shortened(trim(out), 60);
}

std::string handling_label(const std::string& code) {
    if (code == "accepted") return say("messages.handling.accepted");
    if (code == "partly") return say("messages.handling.partly");
    if (code == "not_accepted") return say("messages.handling.not_accepted");
    return say("messages.handling.none");
}

nlohmann::json comment_form(const MessagesContext& m, const store::StoredMessage& msg,
                            const http::Form* typed, const FieldErrors& errors, int paragraph) {
    auto value = [&](const char* name) { return typed ? typed->get(name) : std::string(); };
    nlohmann::json choices = nlohmann::json::array();
    int n = 0;
    auto chosen = typed ? typed->get("paragraph") : std::to_string(paragraph);
    for (const auto& p : messages::paragraphs(msg.draft.body)) {
        ++n;
        choices.push_back({{"value", std::to_string(n)},
                           {"label", say("messages.comment.paragraph_choice",
                                         {{"n", n}, {"start", plain_start(p)}})},
                           {"selected", chosen == std::to_string(n)}});
    }
    auto paragraph_field =
        field_view("paragraph", say("messages.field.paragraph"), chosen, errors, "select", true);
    paragraph_field["options"] = choices;
    auto group = field_view("stakeholder_group", say("messages.field.group"),
                            value("stakeholder_group"), errors, "select", true);
    group["options"] = group_options(value("stakeholder_group"));
    auto region =
        field_view("region", say("messages.field.region"), value("region"), errors, "select", true);
    region["options"] = region_options(value("region"));
    return {{"action", message_url(m.edition.id, msg.id, "/comments")},
            {"paragraph", paragraph_field},
            {"name",
             field_view("name", say("messages.field.name"), value("name"), errors, "text", true)},
            {"group", group},
            {"region", region},
            {"body", field_view("body", say("messages.field.comment"), value("body"), errors,
                                "textarea", true)}};
}

http::Response message_with(Exchange& ex, const MessagesContext& m, const store::StoredMessage& msg,
                            const http::Form* typed, const FieldErrors& errors, int status,
                            const std::string& notice = "") {
    const auto& e = m.edition;
    auto view_of_message = message_view(e, msg);
    auto comments = store::message_comments(ex.db(), msg.id);
    for (auto& p : view_of_message["paragraphs"]) {
        int number = p["number"].get<int>();
        nlohmann::json shown = nlohmann::json::array();
        int hidden = 0;
        for (const auto& c : comments) {
            if (c.comment.paragraph != number) continue;
            if (c.hidden) {
                ++hidden;
                continue;
            }
            shown.push_back({{"signature", signature(c)},
                             {"body", c.comment.body},
                             {"at", time_view(c.created_at, e.time_zone)}});
        }
        p["comments"] = shown;
        p["comment_count"] = shown.size();
        p["has_comments"] = !shown.empty();
        p["hidden"] = hidden;
        p["has_hidden"] = hidden > 0;
        p["comment_link"] =
            message_url(e.id, msg.id, "?paragraph=" + std::to_string(number)) + "#comment";
    }
    int chosen = 1;
    try {
        auto q = ex.request.query_param("paragraph");
        if (!q.empty() && q.size() < 6) chosen = std::stoi(q);
    } catch (const std::exception&) {
    }
    bool open = m.period == messages::PeriodState::open && !m.facts.published;
    nlohmann::json view = {
        {"title", say("page.messages.message.title", {{"title", msg.draft.title}})},
        {"edition", edition_view(e)},
        {"message", view_of_message},
        {"overview", messages_url(e.id)},
        {"published", m.facts.published},
        {"open", open},
        {"may_edit", m.may_edit},
        {"drafter", m.drafter},
        {"edit", message_url(e.id, msg.id, "/edit")},
        {"history", message_url(e.id, msg.id, "/history")},
        {"review", message_url(e.id, msg.id, "/comments")},
        {"closes", time_view(m.round.period.closes_at, e.time_zone)},
        {"form", comment_form(m, msg, typed, errors, chosen)},
        {"saved", ex.request.query_param("saved")},
        {"notice", notice},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("messages/message", view, status);
}

messages::Comment comment_in_form(const http::Form& form) {
    messages::Comment c;
    auto p = form.get("paragraph");
    if (!p.empty() && p.size() < 6 && p.find_first_not_of("0123456789") == std::string::npos)
        c.paragraph = std::stoi(p);
    c.name = form.get("name");
    c.stakeholder_group = form.get("stakeholder_group");
    c.region = form.get("region");
    c.body = form.get("body");
    return c;
}

}  // namespace

http::Response message_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    return message_with(ex, m, message_in_path(ex, m), nullptr, {}, 200);
}

http::Response message_comment_add(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto msg = message_in_path(ex, m);
    const auto& form = ex.form();
    try {
        add_comment(ex, m, msg, comment_in_form(form));
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409 && err.status() != 429) throw;
        return message_with(ex, m, msg, &form, err.fields(), err.status(),
                            err.status() == 422 ? "" : err.detail());
    }
    return http::Response::redirect(message_url(m.edition.id, msg.id, "?saved=comment#comment"));
}

namespace {

// The comments by paragraph; `problem` the comment whose form was refused, with why.
http::Response comments_with(Exchange& ex, const MessagesContext& m,
                             const store::StoredMessage& msg,
                             std::optional<MessageCommentId> problem, const FieldErrors& errors,
                             int status) {
    const auto& e = m.edition;
    auto comments = store::message_comments(ex.db(), msg.id);
    auto paragraphs = messages::paragraphs(msg.draft.body);
    nlohmann::json groups = nlohmann::json::array();
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        int number = static_cast<int>(i) + 1;
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : comments) {
            if (c.comment.paragraph != number) continue;
            auto base = message_url(e.id, msg.id, "/comments/" + to_string(c.id));
            nlohmann::json handling = nlohmann::json::array();
            for (const char* code : {"accepted", "partly", "not_accepted"})
                handling.push_back({{"value", code},
                                    {"label", handling_label(code)},
                                    {"id", "handling-" + to_string(c.id) + "-" + code},
                                    {"checked", c.handling == code}});
            list.push_back({{"id", c.id},
                            {"signature", signature(c)},
                            {"body", c.comment.body},
                            {"at", time_view(c.created_at, e.time_zone)},
                            {"hidden", c.hidden},
                            {"hidden_reason", c.hidden_reason},
                            {"hidden_by", c.hidden_by},
                            {"changed_since", c.paragraph_text != paragraphs[i]},
                            {"paragraph_text", c.paragraph_text},
                            {"handled", !c.handling.empty()},
                            {"handling_label", handling_label(c.handling)},
                            {"handling_note", c.handling_note},
                            {"handled_by", c.handled_by},
                            {"handling", handling},
                            {"handle_url", base + "/handling"},
                            {"hide_url", base + "/hide"},
                            {"may_hide", m.secretariat && !c.hidden},
                            {"problems", problem && *problem == c.id ? error_summary(errors)
                                                                     : nlohmann::json::array()},
                            {"has_problems", problem && *problem == c.id}});
        }
        groups.push_back({{"number", number},
                          {"html", markdown_html(paragraphs[i])},
                          {"comments", list},
                          {"has_comments", !list.empty()}});
    }
    // Comments on paragraphs the draft no longer has.
    nlohmann::json gone = nlohmann::json::array();
    for (const auto& c : comments)
        if (static_cast<std::size_t>(c.comment.paragraph) > paragraphs.size())
            gone.push_back({{"signature", signature(c)},
                            {"body", c.comment.body},
                            {"paragraph", c.comment.paragraph},
                            {"paragraph_text", c.paragraph_text}});
    nlohmann::json view = {
        {"title", say("page.messages.comments.title", {{"title", msg.draft.title}})},
        {"edition", edition_view(e)},
        {"message", {{"title", msg.draft.title}, {"url", message_url(e.id, msg.id)}}},
        {"paragraphs", groups},
        {"gone", gone},
        {"has_gone", !gone.empty()},
        {"saved", ex.request.query_param("saved")},
        {"secretariat", m.secretariat}};
    return ex.page("messages/comments", view, status);
}

}  // namespace

http::Response message_comments_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.drafter, say("messages.may_not_draft"));
    return comments_with(ex, m, message_in_path(ex, m), std::nullopt, {}, 200);
}

http::Response message_comment_handle(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    auto msg = message_in_path(ex, m);
    const auto& form = ex.form();
    auto id = ex.params.id<MessageCommentId>("comment");
    try {
        handle_comment(ex, m, msg, id, form.get("handling"), form.get("note"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return comments_with(ex, m, msg, id, err.fields(), 422);
    }
    return http::Response::redirect(
        message_url(m.edition.id, msg.id, "/comments?saved=handled#comment-" + to_string(id)));
}

http::Response message_comment_hide(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    auto msg = message_in_path(ex, m);
    auto id = ex.params.id<MessageCommentId>("comment");
    try {
        hide_comment(ex, m, msg, id, ex.form().get("reason"));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return comments_with(ex, m, msg, id, err.fields(), 422);
    }
    return http::Response::redirect(
        message_url(m.edition.id, msg.id, "/comments?saved=hidden#comment-" + to_string(id)));
}

nlohmann::json messages_citing_view(Exchange& ex, const store::Edition& e, SessionId session) {
    nlohmann::json out = nlohmann::json::array();
    auto m = messages_context(ex, e);
    if (!policy::may_read_messages(ex.actor(), m.facts)) return out;
    for (const auto& c : store::messages_citing(ex.db(), session))
        out.push_back(
            {{"title", c.title},
             {"url", message_url(e.id, c.id)},
             {"theme", c.theme_name},
             {"stance_label", c.stance == "diverging" ? say("messages.stance.diverging")
                                                      : say("messages.stance.converging")},
             {"quote", c.quote}});
    return out;
}

}  // namespace convene::web
