#include "web/messages/message_actions.hpp"

#include <algorithm>
#include <map>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "store/accounts/accounts.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// The sessions of the edition by code and by id.
struct SessionIndex {
    std::map<std::string, SessionId> by_code;
    std::map<std::int64_t, SessionId> by_id;
};
SessionIndex session_index(Exchange& ex, const store::Edition& e) {
    SessionIndex out;
    for (const auto& s : store::citable_sessions(ex.db(), e.id)) {
        out.by_code[ascii_lower(s.code)] = s.id;
        out.by_id[s.id.value()] = s.id;
    }
    return out;
}

void refuse_when_published(const MessagesContext& m) {
    if (!m.round.published_at.empty()) throw http::conflict(say("messages.published_already"));
}

}  // namespace

std::string messages_url(EditionId edition, const std::string& rest) {
    return "/editions/" + to_string(edition) + "/messages" + rest;
}

std::string message_url(EditionId edition, YearMessageId id, const std::string& rest) {
    return messages_url(edition, "/" + to_string(id) + rest);
}

std::string session_url(const store::Edition& e, const std::string& code) {
    return "/editions/" + to_string(e.id) + "/programme/" + http::percent_encode(code);
}

MessagesContext messages_context(Exchange& ex, const store::Edition& e) {
    MessagesContext m;
    m.edition = e;
    m.round = store::message_round(ex.db(), e.id);
    m.period = messages::period_state(m.round.period, ex.now());
    m.facts.edition = e.id;
    m.facts.published = !m.round.published_at.empty();
    m.facts.comments_opened =
        m.period == messages::PeriodState::open || m.period == messages::PeriodState::closed;
    m.drafter = policy::may_draft_messages(ex.actor(), e.id);
    m.may_edit = policy::may_edit_messages(ex.actor(), m.facts);
    m.secretariat = policy::may_run_message_round(ex.actor(), e.id);
    return m;
}

void require_read(Exchange& ex, const MessagesContext& m) {
    ex.require(policy::may_read_messages(ex.actor(), m.facts), say("messages.not_yet_public"));
}

store::StoredMessage message_in_path(Exchange& ex, const MessagesContext& m) {
    auto found = store::find_message(ex.db(), m.edition.id, ex.params.id<YearMessageId>("message"));
    if (!found) throw http::not_found(say("messages.no_such_message"));
    return std::move(*found);
}

store::Theme theme_of_edition(Exchange& ex, const store::Edition& e, const std::string& typed,
                              const std::string& field) {
    for (const auto& t : store::list_themes(ex.db(), e.id))
        if (to_string(t.id) == typed) return t;
    throw http::unprocessable({{field, say("messages.theme.unknown")}});
}

messages::Draft draft_in_form(Exchange& ex, const store::Edition& e, const http::Form& form,
                              FieldErrors& errors) {
    messages::Draft d;
    d.title = form.get("title");
    d.body = form.get("body");
    d.stance = form.get("stance");
    auto index = session_index(ex, e);
    for (const auto& typed : messages::typed_citations(form.get("citations"))) {
        auto at = index.by_code.find(ascii_lower(typed.code));
        if (at == index.by_code.end()) {
            errors.push_back(
                {"citations", say("messages.citations.no_session", {{"code", typed.code}})});
            continue;
        }
        d.citations.push_back({at->second, typed.quote});
    }
    for (std::size_t i = 1; i <= messages::max_positions; ++i) {
        auto n = std::to_string(i);
        messages::Position p;
        p.text = form.get("position_" + n + "_text");
        p.groups = form.all("position_" + n + "_groups");
        if (!trim(p.text).empty() || !p.groups.empty()) d.positions.push_back(std::move(p));
    }
    return d;
}

messages::Draft draft_in_body(Exchange& ex, const store::Edition& e, const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("messages.body_not_object")}});
    FieldErrors errors;
    auto text = [&](const char* name, const std::string& fallback = "") {
        if (!body.contains(name) || body[name].is_null()) return fallback;
        if (!body[name].is_string()) {
            errors.push_back({name, say("messages.not_text")});
            return fallback;
        }
        return body[name].get<std::string>();
    };
    messages::Draft d;
    d.title = text("title");
    d.body = text("body");
    d.stance = text("stance", "converging");
    if (body.contains("positions") && !body["positions"].is_null()) {
        const auto& ps = body["positions"];
        if (!ps.is_array()) errors.push_back({"positions", say("messages.not_list")});
        for (std::size_t i = 0; ps.is_array() && i < ps.size(); ++i) {
            auto field = "positions[" + std::to_string(i) + "]";
            const auto& p = ps[i];
            if (!p.is_object() || !p.contains("text") || !p["text"].is_string()) {
                errors.push_back({field + ".text", say("messages.not_text")});
                continue;
            }
            messages::Position one;
            one.text = p["text"].get<std::string>();
            if (p.contains("groups") && !p["groups"].is_null()) {
                if (!p["groups"].is_array())
                    errors.push_back({field + ".groups", say("messages.not_list")});
                else
                    for (const auto& g : p["groups"]) {
                        if (g.is_string())
                            one.groups.push_back(g.get<std::string>());
                        else
                            errors.push_back({field + ".groups", say("messages.not_text")});
                    }
            }
            d.positions.push_back(std::move(one));
        }
    }
    auto index = session_index(ex, e);
    if (body.contains("citations") && !body["citations"].is_null()) {
        const auto& cs = body["citations"];
        if (!cs.is_array()) errors.push_back({"citations", say("messages.not_list")});
        for (std::size_t i = 0; cs.is_array() && i < cs.size(); ++i) {
            auto field = "citations[" + std::to_string(i) + "]";
            const auto& c = cs[i];
            if (!c.is_object() || !c.contains("session")) {
                errors.push_back({field + ".session", say("messages.citations.session")});
                continue;
            }
            std::optional<SessionId> found;
            const auto& s = c["session"];
            if (s.is_number_integer()) {
                if (auto at = index.by_id.find(s.get<std::int64_t>()); at != index.by_id.end())
                    found = at->second;
            } else if (s.is_string()) {
                if (auto at = index.by_code.find(ascii_lower(s.get<std::string>()));
                    at != index.by_code.end())
                    found = at->second;
            }
            if (!found) {
                errors.push_back({field + ".session", say("messages.citations.session")});
                continue;
            }
            std::string quote;
            if (c.contains("quote") && !c["quote"].is_null()) {
                if (c["quote"].is_string())
                    quote = c["quote"].get<std::string>();
                else
                    errors.push_back({field + ".quote", say("messages.not_text")});
            }
            d.citations.push_back({*found, quote});
        }
    }
    throw_if_invalid(errors);
    return d;
}

YearMessageId write_message(Exchange& ex, const MessagesContext& m, const store::Theme& theme,
                            const messages::Draft& d) {
    refuse_when_published(m);
    ex.require(m.may_edit);
    throw_if_invalid(messages::check_draft(d));
    auto id = store::add_message(ex.db(), m.edition.id, theme.id, d, ex.account()->id, ex.now());
    ex.audit("messages.write", "message " + to_string(id),
             {{"edition", m.edition.id}, {"theme", theme.id}, {"title", d.title}});
    return id;
}

void save_message(Exchange& ex, const MessagesContext& m, const store::StoredMessage& stored,
                  const messages::Draft& d, std::int64_t expected_version) {
    refuse_when_published(m);
    ex.require(m.may_edit);
    throw_if_invalid(messages::check_draft(d));
    if (!store::save_message(ex.db(), stored.id, d, expected_version, ex.account()->id, ex.now())) {
        // Both versions are kept: theirs is the message, the one typed is in its history.
        ex.keep_writes_on_error();
        throw http::conflict(say("messages.changed_since", {{"name", stored.updated_by}}));
    }
    ex.audit("messages.save", "message " + to_string(stored.id),
             {{"version", expected_version + 1}, {"title", d.title}});
}

MessageCommentId add_comment(Exchange& ex, const MessagesContext& m,
                             const store::StoredMessage& msg, const messages::Comment& c) {
    if (auto why = policy::comment_refusal(ex.actor(), m.period, m.facts.published)) {
        auto zone = m.edition.time_zone;
        throw http::conflict(
            say(*why, {{"opens", stored_time(m.round.period.opens_at, zone).text},
                       {"closes", stored_time(m.round.period.closes_at, zone).text}}));
    }
    // A flood: at most so many comments per address and hour, the refusals counted.
    auto key = "message-comment:" + ex.client_address();
    store::lock_throttle(ex.db(), key, ex.now());
    auto since = format_utc(ex.clock() - std::chrono::hours(1));
    if (store::events_since(ex.db(), key, since) >= messages::comments_per_hour) {
        store::count_refused_comment(ex.db(), m.edition.id);
        ex.keep_writes_on_error();
        throw http::Error(429, say("messages.comment.flood_title"),
                          say("messages.comment.flood", {{"max", messages::comments_per_hour}}));
    }
    auto paragraphs = messages::paragraphs(msg.draft.body);
    throw_if_invalid(messages::check_comment(c, paragraphs.size()));
    store::record_event(ex.db(), key, ex.now());
    std::optional<AccountId> account;
    if (ex.account()) account = ex.account()->id;
    auto id = store::add_comment(ex.db(), msg.id, c, paragraphs[c.paragraph - 1], msg.version,
                                 account, ex.now());
    return id;
}

void hide_comment(Exchange& ex, const MessagesContext& m, const store::StoredMessage& msg,
                  MessageCommentId id, const std::string& reason) {
    ex.require(m.secretariat);
    auto found = store::find_comment(ex.db(), msg.id, id);
    if (!found) throw http::not_found(say("messages.no_such_comment"));
    throw_if_invalid(messages::check_hide_reason(reason));
    if (found->hidden) return;
    store::hide_comment(ex.db(), id, ex.account()->id, reason, ex.now());
    ex.audit("messages.comment.hide", "comment " + to_string(id),
             {{"message", msg.id}, {"reason", reason}});
}

void handle_comment(Exchange& ex, const MessagesContext& m, const store::StoredMessage& msg,
                    MessageCommentId id, const std::string& handling, const std::string& note) {
    ex.require(m.drafter);
    auto found = store::find_comment(ex.db(), msg.id, id);
    if (!found) throw http::not_found(say("messages.no_such_comment"));
    throw_if_invalid(messages::check_handling(handling, note));
    store::handle_comment(ex.db(), id, handling, note, ex.account()->id, ex.now());
    ex.audit("messages.comment.handle", "comment " + to_string(id),
             {{"message", msg.id}, {"handling", handling}});
}

void set_period(Exchange& ex, const MessagesContext& m, const messages::Period& typed) {
    ex.require(m.secretariat);
    refuse_when_published(m);
    messages::Period stored;
    throw_if_invalid(messages::check_period(typed, stored));
    store::set_comment_period(ex.db(), m.edition.id, stored);
    ex.audit("messages.period", "edition " + to_string(m.edition.id),
             {{"opens_at", stored.opens_at}, {"closes_at", stored.closes_at}});
}

void publish(Exchange& ex, const MessagesContext& m) {
    ex.require(m.secretariat);
    refuse_when_published(m);
    if (store::edition_messages(ex.db(), m.edition.id).empty())
        throw http::conflict(say("messages.publish.none"));
    if (!store::publish_messages(ex.db(), m.edition.id, ex.account()->id, ex.now()))
        throw http::conflict(say("messages.published_already"));
    ex.audit("messages.publish", "edition " + to_string(m.edition.id), {});
}

nlohmann::json round_json(const MessagesContext& m) {
    auto text_or_null = [](const std::string& s) {
        return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    const char* state = "not_set";
    switch (m.period) {
        case messages::PeriodState::not_set:
            break;
        case messages::PeriodState::not_yet_open:
            state = "not_yet_open";
            break;
        case messages::PeriodState::open:
            state = "open";
            break;
        case messages::PeriodState::closed:
            state = "closed";
            break;
    }
    return {{"edition", m.edition.id},
            {"comments_open_at", text_or_null(m.round.period.opens_at)},
            {"comments_close_at", text_or_null(m.round.period.closes_at)},
            {"comment_period", state},
            {"published", m.facts.published},
            {"published_at", text_or_null(m.round.published_at)},
            {"refused_comments", m.round.refused_comments}};
}

nlohmann::json message_json(const store::Edition& e, const store::StoredMessage& msg) {
    nlohmann::json positions = nlohmann::json::array();
    for (const auto& p : msg.draft.positions)
        positions.push_back({{"text", p.text}, {"groups", p.groups}});
    nlohmann::json citations = nlohmann::json::array();
    for (const auto& c : msg.cited)
        citations.push_back(
            {{"session", c.session},
             {"code", c.code},
             {"title", c.title},
             {"quote", c.quote.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.quote)},
             {"url", session_url(e, c.code)}});
    return {{"id", msg.id},
            {"edition", msg.edition},
            {"theme", {{"id", msg.theme}, {"name", msg.theme_name}}},
            {"title", msg.draft.title},
            {"body", msg.draft.body},
            {"paragraphs", messages::paragraphs(msg.draft.body)},
            {"stance", msg.draft.stance},
            {"positions", positions},
            {"citations", citations},
            {"version", msg.version},
            {"created_by", msg.created_by},
            {"created_at", msg.created_at},
            {"updated_by", msg.updated_by},
            {"updated_at", msg.updated_at},
            {"url", message_url(e.id, msg.id)}};
}

nlohmann::json comment_json(const store::StoredComment& c, bool full) {
    nlohmann::json j = {{"id", c.id},
                        {"message", c.message},
                        {"paragraph", c.comment.paragraph},
                        {"created_at", c.created_at},
                        {"hidden", c.hidden}};
    if (!c.hidden || full) {
        j["name"] = c.comment.name;
        j["stakeholder_group"] = c.comment.stakeholder_group;
        j["region"] = c.comment.region;
        j["body"] = c.comment.body;
    }
    if (full) {
        j["paragraph_text"] = c.paragraph_text;
        j["message_version"] = c.message_version;
        j["hidden_reason"] = c.hidden ? nlohmann::json(c.hidden_reason) : nullptr;
        j["hidden_by"] = c.hidden ? nlohmann::json(c.hidden_by) : nullptr;
        j["handling"] = c.handling.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.handling);
        j["handling_note"] = c.handling_note;
        j["handled_by"] = c.handled_by;
    }
    return j;
}

}  // namespace convene::web
