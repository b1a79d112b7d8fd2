// The messages of the year under /api/v1: the edition's round and messages (filtered by
// theme or by a cited session), writing and saving a message (over a version: 409 when
// stale, the typed draft kept in the history), its versions, its comments (public ones
// for anyone; hidden ones, reasons and handling for the MAG and Secretariat), commenting,
// handling and hiding, the comment period and publishing.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/messages/handlers.hpp"
#include "web/messages/message_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::string text_member(const nlohmann::json& body, const char* name, FieldErrors& errors) {
    if (!body.is_object() || !body.contains(name) || body[name].is_null()) return "";
    if (!body[name].is_string()) {
        errors.push_back({name, say("messages.not_text")});
        return "";
    }
    return body[name].get<std::string>();
}

nlohmann::json object_body(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("messages.body_not_object")}});
    return body;
}

}  // namespace

http::Response api_messages(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto theme = ex.request.query_param("theme");
    auto session = ex.request.query_param("session");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& msg : store::edition_messages(ex.db(), m.edition.id)) {
        if (!theme.empty() && to_string(msg.theme) != theme) continue;
        if (!session.empty()) {
            bool cites = false;
            for (const auto& c : msg.cited)
                if (to_string(c.session) == session || c.code == session) cites = true;
            if (!cites) continue;
        }
        list.push_back(message_json(m.edition, msg));
    }
    auto round = round_json(m);
    round["messages"] = list;
    return http::Response::json(round);
}

http::Response api_message_create(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    auto body = object_body(ex);
    std::string theme_id;
    if (body.contains("theme") && body["theme"].is_number_integer())
        theme_id = std::to_string(body["theme"].get<std::int64_t>());
    auto theme = theme_of_edition(ex, m.edition, theme_id, "theme");
    auto draft = draft_in_body(ex, m.edition, body);
    auto id = write_message(ex, m, theme, draft);
    auto r = http::Response::json(
        message_json(m.edition, *store::find_message(ex.db(), m.edition.id, id)), 201);
    r.set_header("location", message_url(m.edition.id, id));
    return r;
}

http::Response api_message(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    return http::Response::json(message_json(m.edition, message_in_path(ex, m)));
}

http::Response api_message_save(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.may_edit, say("messages.may_not_draft"));
    auto stored = message_in_path(ex, m);
    auto body = object_body(ex);
    if (!body.contains("version") || !body["version"].is_number_integer())
        throw http::unprocessable({{"version", say("messages.version_missing")}});
    auto draft = draft_in_body(ex, m.edition, body);
    save_message(ex, m, stored, draft, body["version"].get<std::int64_t>());
    return http::Response::json(
        message_json(m.edition, *store::find_message(ex.db(), m.edition.id, stored.id)));
}

http::Response api_message_versions(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    ex.require(m.drafter, say("messages.may_not_draft"));
    auto stored = message_in_path(ex, m);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : store::message_versions(ex.db(), stored.id)) {
        nlohmann::json positions = nlohmann::json::array();
        for (const auto& p : v.draft.positions)
            positions.push_back({{"text", p.text}, {"groups", p.groups}});
        nlohmann::json citations = nlohmann::json::array();
        for (const auto& c : v.draft.citations)
            citations.push_back({{"session", c.session}, {"quote", c.quote}});
        list.push_back({{"version", v.version},
                        {"based_on", v.based_on},
                        {"kind", v.kind},
                        {"author", v.author},
                        {"saved_at", v.saved_at},
                        {"title", v.draft.title},
                        {"body", v.draft.body},
                        {"stance", v.draft.stance},
                        {"positions", positions},
                        {"citations", citations}});
    }
    return http::Response::json({{"message", stored.id}, {"versions", list}});
}

http::Response api_message_comments(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto msg = message_in_path(ex, m);
    nlohmann::json list = nlohmann::json::array();
    std::int64_t hidden = 0;
    for (const auto& c : store::message_comments(ex.db(), msg.id)) {
        if (c.hidden) ++hidden;
        if (c.hidden && !m.drafter) continue;
        list.push_back(comment_json(c, m.drafter));
    }
    return http::Response::json({{"message", msg.id}, {"hidden", hidden}, {"comments", list}});
}

http::Response api_message_comment_add(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto msg = message_in_path(ex, m);
    auto body = object_body(ex);
    FieldErrors errors;
    messages::Comment c;
    if (body.contains("paragraph")) {
        if (body["paragraph"].is_number_integer() && body["paragraph"].get<std::int64_t>() > 0 &&
            body["paragraph"].get<std::int64_t>() < 100000)
            c.paragraph = body["paragraph"].get<int>();
        else
            errors.push_back({"paragraph", say("messages.comment.no_paragraph")});
    }
    c.name = text_member(body, "name", errors);
    c.stakeholder_group = text_member(body, "stakeholder_group", errors);
    c.region = text_member(body, "region", errors);
    c.body = text_member(body, "body", errors);
    throw_if_invalid(errors);
    auto id = add_comment(ex, m, msg, c);
    auto stored = store::find_comment(ex.db(), msg.id, id);
    return http::Response::json(comment_json(*stored, false), 201);
}

http::Response api_message_comment_handle(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    auto msg = message_in_path(ex, m);
    auto body = object_body(ex);
    FieldErrors errors;
    auto handling = text_member(body, "handling", errors);
    auto note = text_member(body, "note", errors);
    throw_if_invalid(errors);
    auto id = ex.params.id<MessageCommentId>("comment");
    handle_comment(ex, m, msg, id, handling, note);
    return http::Response::json(comment_json(*store::find_comment(ex.db(), msg.id, id), true));
}

http::Response api_message_comment_hide(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    auto msg = message_in_path(ex, m);
    auto body = object_body(ex);
    FieldErrors errors;
    auto reason = text_member(body, "reason", errors);
    throw_if_invalid(errors);
    auto id = ex.params.id<MessageCommentId>("comment");
    hide_comment(ex, m, msg, id, reason);
    return http::Response::json(comment_json(*store::find_comment(ex.db(), msg.id, id), true));
}

http::Response api_messages_period(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    auto body = object_body(ex);
    FieldErrors errors;
    messages::Period typed{text_member(body, "opens_at", errors),
                           text_member(body, "closes_at", errors)};
    throw_if_invalid(errors);
    set_period(ex, m, typed);
    return http::Response::json(round_json(messages_context(ex, m.edition)));
}

http::Response api_messages_publish(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    publish(ex, m);
    return http::Response::json(round_json(messages_context(ex, m.edition)));
}

}  // namespace convene::web
