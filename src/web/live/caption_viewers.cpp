// The caption viewers: a room's captions as turns (speaker names from the ">> NAME:"
// lines), with what static/captions.js needs to follow the stream live and to resume
// from its position (the live topic, the pull address, the last sequence shown and the
// text of the last turn, which later chunks and their backspaces still change). The
// full-screen view has its own small layout; its size, contrast and language are query
// parameters, so its controls are plain links that work without JavaScript.
#include "web/live/caption_viewers.hpp"

#include <algorithm>
#include <string>

#include "core/common/messages.hpp"
#include "core/live/caption_view.hpp"
#include "http/error.hpp"
#include "store/live/captions.hpp"
#include "web/live/caption_actions.hpp"
#include "web/live/handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/render.hpp"
#include "web/site/static_assets.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json turns_json(const std::vector<live::CaptionTurn>& turns) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : turns)
        out.push_back(
            {{"speaker", t.speaker}, {"has_speaker", !t.speaker.empty()}, {"text", t.text}});
    return out;
}

std::string language_label(const std::string& code) {
    return code_label("live.language.", code);
}

// The log of one stream: settled turns, the open last one, and the script's data.
nlohmann::json caption_log(Exchange& ex, const store::Edition& e, const store::LiveRoom& room,
                           const std::string& language, int heading) {
    auto stream = store::caption_stream(ex.db(), room.id, language);
    auto turns = live::caption_turns_view(stream.text);
    auto id = to_string(room.id);
    return {{"language", language},
            {"language_label", language_label(language)},
            {"topic", captions_topic(room.id, language)},
            {"pull_url", "/api/v1" + edition_url(e, "/live-rooms/" + id + "/captions")},
            {"last", stream.applied},
            {"tail", turns.last_text},
            {"settled", turns_json(turns.settled)},
            {"open_turns", turns_json(turns.last)},
            {"has_text", !turns.settled.empty() || !turns.last.empty()},
            {"heading", heading},
            {"static", static_paths()}};
}

std::string view_url(const store::Edition& e, const store::LiveRoom& room,
                     const std::string& language, int size, const std::string& contrast) {
    return edition_url(e, "/live-rooms/" + to_string(room.id) + "/captions?language=" + language +
                              "&size=" + std::to_string(size) + "&contrast=" + contrast);
}

}  // namespace

nlohmann::json room_captions_view(Exchange& ex, const store::Edition& e,
                                  const store::LiveRoom& room) {
    auto languages = store::caption_languages(ex.db(), room.id);
    auto view = caption_log(ex, e, room, languages.front(), 3);
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : languages)
        links.push_back({{"label", language_label(l)},
                         {"url", edition_url(e, "/live-rooms/" + to_string(room.id) +
                                                    "/captions?language=" + l)}});
    view["full_screen"] = links;
    view["several_languages"] = languages.size() > 1;
    return view;
}

http::Response live_room_captions_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = live_room_in_path(ex, e);
    auto languages = store::caption_languages(ex.db(), room.id);
    auto language = ex.request.query_param("language");
    if (language.empty()) language = languages.front();
    if (!live::is_language_code(language)) {
        auto message = say("live.captions.language_code");
        throw http::bad_request(message, {{"language", message}});
    }
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        auto message = say("live.captions.no_such_language", {{"language", language}});
        throw http::Error(404, say("live.captions.not_found"), message, {{"language", message}});
    }
    auto size = live::caption_size(ex.request.query_param("size"));
    if (!size) {
        auto message = say("live.captions.size");
        throw http::bad_request(message, {{"size", message}});
    }
    auto contrast = live::caption_contrast(ex.request.query_param("contrast"));
    if (!contrast) {
        auto message = say("live.captions.contrast");
        throw http::bad_request(message, {{"contrast", message}});
    }
    auto view = caption_log(ex, e, room, language, 2);
    view["title"] = say("page.live.captions.view", {{"room", room.title}});
    view["room_title"] = room.title;
    view["room_url"] = edition_url(e, "/live-rooms/" + to_string(room.id));
    view["size"] = *size;
    view["contrast"] = *contrast;
    view["smaller"] = *size > live::min_caption_size;
    view["larger"] = *size < live::max_caption_size;
    view["smaller_url"] =
        view_url(e, room, language, std::max(*size - 1, live::min_caption_size), *contrast);
    view["larger_url"] =
        view_url(e, room, language, std::min(*size + 1, live::max_caption_size), *contrast);
    nlohmann::json contrasts = nlohmann::json::array();
    for (auto c : live::caption_contrasts)
        contrasts.push_back({{"code", std::string(c)},
                             {"label", say("live.captions.contrast." + std::string(c))},
                             {"url", view_url(e, room, language, *size, std::string(c))},
                             {"current", c == *contrast}});
    view["contrasts"] = contrasts;
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : languages)
        links.push_back({{"code", l},
                         {"label", language_label(l)},
                         {"url", view_url(e, room, l, *size, *contrast)},
                         {"current", l == language}});
    view["languages"] = links;
    view["several_languages"] = languages.size() > 1;
    return http::Response::html(render_template("live/captions", view));
}

}  // namespace convene::web
