// The captioner's page: a text box and "Send" (a plain form that stores one chunk with
// the next sequence number and comes back), the language when the room has several, a
// speaker picker filled from the queue (who speaks, then who waits), and for the room's
// chairs and the Secretariat its captioner tokens and caption languages. captioner.js
// sends as the captioner types, buffering what is not yet acknowledged.
#include <string>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/live/captions.hpp"
#include "http/error.hpp"
#include "store/live/captions.hpp"
#include "web/live/caption_actions.hpp"
#include "web/live/handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/static_assets.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string write_url(const store::Edition& e, LiveRoomId id, const std::string& rest = "") {
    return edition_url(e, "/live-rooms/" + to_string(id) + "/captions/write" + rest);
}

struct Shown {
    const http::Form* typed = nullptr;
    FieldErrors errors;
    std::optional<NewToken> new_token;
    std::string done;
};

http::Response page_with(Exchange& ex, const store::Edition& e, const store::LiveRoom& room,
                         const Shown& shown, int status) {
    auto value = [&](const char* name) {
        return shown.typed ? shown.typed->get(name) : std::string();
    };
    auto languages = store::caption_languages(ex.db(), room.id);
    auto language = value("language");
    if (language.empty()) language = ex.request.query_param("language");
    if (std::find(languages.begin(), languages.end(), language) == languages.end())
        language = languages.front();
    nlohmann::json language_options = nlohmann::json::array();
    for (const auto& l : languages)
        language_options.push_back({{"value", l}, {"label", l}, {"selected", l == language}});
    auto stream = store::caption_stream(ex.db(), room.id, language);
    // Who may be named: who speaks, then who waits, in the queue's order.
    nlohmann::json speakers = nlohmann::json::array();
    speakers.push_back(
        {{"value", ""}, {"label", say("live.captions.no_speaker")}, {"selected", true}});
    auto add_speaker = [&](const std::string& name, const std::string& label) {
        auto upper = name;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        speakers.push_back({{"value", upper}, {"label", label}, {"selected", false}});
    };
    if (room.queue.speaking)
        add_speaker(
            room.queue.speaking->speaker.name,
            say("live.captions.speaking_now", {{"name", room.queue.speaking->speaker.name}}));
    for (const auto& r : live::in_order(room.queue))
        add_speaker(r.speaker.name, say("live.captions.waiting", {{"name", r.speaker.name}}));
    bool manager = may_manage_captions(ex, e, room.id);
    nlohmann::json tokens = manager ? captioner_tokens_json(ex, room) : nlohmann::json::array();
    for (auto& t : tokens) {
        t["expires"] = time_view(t["expires_at"].get<std::string>(), e.time_zone);
        t["revoke_url"] =
            edition_url(e, "/live-rooms/" + to_string(room.id) + "/captions/tokens/" +
                               std::to_string(t["id"].get<std::int64_t>()) + "/revoke");
    }
    std::string languages_text;
    for (const auto& l : languages) languages_text += (languages_text.empty() ? "" : ", ") + l;
    auto recent =
        stream.text.size() > 2000 ? stream.text.substr(stream.text.size() - 2000) : stream.text;
    while (!recent.empty() && (static_cast<unsigned char>(recent.front()) & 0xC0) == 0x80)
        recent.erase(0, 1);
    auto base = edition_url(e, "/live-rooms/" + to_string(room.id) + "/captions");
    nlohmann::json view = {
        {"title", say("page.live.captions.title", {{"room", room.title}})},
        {"edition", edition_view(e)},
        {"room_title", room.title},
        {"room_url", edition_url(e, "/live-rooms/" + to_string(room.id))},
        {"send_url", base + "/write"},
        {"api_url", "/api/v1" + base},
        {"tokens_url", base + "/tokens"},
        {"languages_url", base + "/languages"},
        {"open", room.status == "open"},
        {"language", language},
        {"several_languages", languages.size() > 1},
        {"language_options", language_options},
        {"speakers", speakers},
        {"next_sequence", store::next_caption_sequence(stream)},
        {"needs_break", !stream.text.empty() && stream.text.back() != '\n'},
        {"storage_key", "convene-captions-" + to_string(room.id) + "-" + language},
        {"captioner_js", static_path("captioner.js")},
        {"recent", recent},
        {"has_recent", !recent.empty()},
        {"text", field_view("text", say("live.captions.field.text"), value("text"), shown.errors,
                            "textarea", false, say("live.captions.field.text_hint"))},
        {"manager", manager},
        {"tokens", tokens},
        {"has_tokens", !tokens.empty()},
        {"token_label",
         field_view("label", say("live.captions.field.label"), value("label"), shown.errors, "text",
                    true, say("live.captions.field.label_hint"))},
        {"token_days", field_view("days", say("live.captions.field.days"),
                                  value("days").empty() ? "7" : value("days"), shown.errors,
                                  "number", true, say("live.captions.field.days_hint"))},
        {"languages_field",
         field_view(
             "languages", say("live.captions.field.languages"),
             shown.typed && shown.typed->has("languages") ? value("languages") : languages_text,
             shown.errors, "text", true, say("live.captions.field.languages_hint"))},
        {"push_url", ex.app.config().base_url + "/api/v1/captions"},
        {"done", shown.done},
        {"has_done", !shown.done.empty()},
        {"errors", error_summary(shown.errors)},
        {"has_errors", !shown.errors.empty()}};
    if (shown.new_token)
        view["new_token"] = {{"token", shown.new_token->token},
                             {"label", shown.new_token->label},
                             {"expires", time_view(shown.new_token->expires_at, e.time_zone)}};
    return ex.page("live/captioner", view, status);
}

store::LiveRoom room_for(Exchange& ex, const store::Edition& e, bool manage) {
    auto room = live_room_in_path(ex, e);
    if (manage)
        ex.require(may_manage_captions(ex, e, room.id), say("live.room.chairs_only"));
    else
        ex.require(may_caption(ex, e, room.id), say("live.captions.captioners_only"));
    return room;
}

// Runs a form's action; a refusal (4xx) shows the page again with the reason and what
// was typed.
template <class Act>
http::Response form_action(Exchange& ex, bool manage, Act act) {
    auto e = edition_in_path(ex);
    auto room = room_for(ex, e, manage);
    const auto& form = ex.form();
    Shown shown;
    shown.typed = &form;
    try {
        act(e, room, shown);
    } catch (const http::Error& err) {
        if (err.status() < 400 || err.status() >= 500 || err.status() == 401 || err.status() == 404)
            throw;
        ex.restart_write();
        shown.errors = err.fields();
        if (shown.errors.empty()) shown.errors.push_back({"text", err.detail()});
        return page_with(ex, e, *store::live_room(ex.db(), e.id, room.id), shown, err.status());
    }
    return http::Response();
}

}  // namespace

http::Response captioner_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for(ex, e, false);
    Shown shown;
    auto done = ex.request.query_param("done");
    if (done == "sent" || done == "revoked" || done == "languages")
        shown.done = say("live.captions.done." + done);
    return page_with(ex, e, room, shown, 200);
}

http::Response captioner_send(Exchange& ex) {
    std::string back;
    auto r = form_action(
        ex, false, [&](const store::Edition& e, const store::LiveRoom& room, Shown& shown) {
            const auto& f = *shown.typed;
            CaptionPush push;
            push.language = f.get("language").empty() ? "en" : f.get("language");
            auto stream = store::caption_stream(ex.db(), room.id, push.language);
            auto typed = f.get("text");
            if (trim(typed).empty() && f.get("speaker").empty())
                throw http::unprocessable({{"text", say("live.captions.text")}});
            push.text = live::joined_chunk(stream.text, typed, trim(f.get("speaker")));
            push.sequence = store::next_caption_sequence(stream);
            push_caption(ex, room, push);
            back = write_url(e, room.id, "?done=sent&language=" + push.language + "#field-text");
        });
    return back.empty() ? r : http::Response::redirect(back);
}

http::Response captioner_token_create(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for(ex, e, true);
    const auto& form = ex.form();
    Shown shown;
    shown.typed = &form;
    try {
        shown.new_token = create_captioner_token(ex, room, form.get("label"), form.get("days"));
    } catch (const http::Error& err) {
        if (err.status() != 422 && err.status() != 409) throw;
        ex.restart_write();
        shown.errors = err.fields();
        if (shown.errors.empty()) shown.errors.push_back({"label", err.detail()});
        return page_with(ex, e, room, shown, err.status());
    }
    // Shown once, on this answer only: never stored, never in an address.
    shown.typed = nullptr;
    shown.done = say("live.captions.done.token");
    auto page = page_with(ex, e, room, shown, 201);
    page.set_header("cache-control", "no-store");
    return page;
}

http::Response captioner_token_revoke(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for(ex, e, true);
    revoke_captioner_token(ex, room, ex.params.id<CaptionerTokenId>("token"));
    return http::Response::redirect(write_url(e, room.id, "?done=revoked#tokens"));
}

http::Response captioner_languages(Exchange& ex) {
    std::string back;
    auto r = form_action(ex, true,
                         [&](const store::Edition& e, const store::LiveRoom& room, Shown& shown) {
                             std::vector<std::string> languages;
                             for (auto& l : split_items(shown.typed->get("languages"), ", \n"))
                                 if (!trim(l).empty()) languages.push_back(trim(l));
                             set_room_caption_languages(ex, room, languages);
                             back = write_url(e, room.id, "?done=languages#languages");
                         });
    return back.empty() ? r : http::Response::redirect(back);
}

}  // namespace convene::web
