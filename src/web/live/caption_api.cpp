// Live captions under /api/v1: a signed-in captioner pushes chunks as JSON; captioning
// software pushes StreamText-style with a room's captioner token (no cookie, no CSRF);
// anyone pulls a room's captions by position, as they read the room; the room's chairs
// and the Secretariat manage the tokens and the languages.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/live/captions.hpp"
#include "web/live/caption_actions.hpp"
#include "web/live/handlers.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

store::LiveRoom room_for_captioner(Exchange& ex, const store::Edition& e) {
    auto room = live_room_in_path(ex, e);
    ex.require(may_caption(ex, e, room.id), say("live.captions.captioners_only"));
    return room;
}

store::LiveRoom room_for_manager(Exchange& ex, const store::Edition& e) {
    auto room = live_room_in_path(ex, e);
    ex.require(may_manage_captions(ex, e, room.id), say("live.room.chairs_only"));
    return room;
}

}  // namespace

http::Response api_captions_push(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for_captioner(ex, e);
    return http::Response::json(
        push_caption(ex, room, caption_push_in_body(http::parse_json_body(ex.request))));
}

http::Response api_captions_token_push(Exchange& ex) {
    // The token alone says who pushes: the session cookie, if any, is never read.
    std::string token = ex.request.query_param("token");
    auto authorization = ex.request.header("authorization");
    if (token.empty() && authorization.rfind("Bearer ", 0) == 0)
        token = std::string(authorization.substr(7));
    auto found = token.empty() ? std::nullopt
                               : store::captioner_token_room(ex.db(), token_hash(token), ex.now());
    if (!found) throw http::forbidden(say("live.captions.bad_token"));
    auto room = store::live_room(ex.db(), found->first, found->second);
    if (!room) throw http::forbidden(say("live.captions.bad_token"));
    return http::Response::json(push_caption(ex, *room, caption_push_in_query(ex.request)));
}

http::Response api_captions_pull(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = live_room_in_path(ex, e);
    return http::Response::json(captions_after(ex, room, ex.request.query_param("language"),
                                               ex.request.query_param("last")));
}

http::Response api_captioner_tokens(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for_manager(ex, e);
    return http::Response::json({{"tokens", captioner_tokens_json(ex, room)}});
}

http::Response api_captioner_token_create(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for_manager(ex, e);
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    auto text = [&](const char* name) {
        if (!body.contains(name) || body[name].is_null()) return std::string();
        if (body[name].is_number_integer()) return std::to_string(body[name].get<std::int64_t>());
        if (!body[name].is_string()) throw http::unprocessable({{name, say("venue.not_text")}});
        return body[name].get<std::string>();
    };
    auto t = create_captioner_token(ex, room, text("label"), text("days"));
    return http::Response::json({{"id", t.id},
                                 {"token", t.token},
                                 {"label", t.label},
                                 {"expires_at", t.expires_at},
                                 {"push_url", ex.app.config().base_url + "/api/v1/captions"}},
                                201);
}

http::Response api_captioner_token_revoke(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for_manager(ex, e);
    revoke_captioner_token(ex, room, ex.params.id<CaptionerTokenId>("token"));
    return http::Response::json({{"tokens", captioner_tokens_json(ex, room)}});
}

http::Response api_caption_languages(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = room_for_manager(ex, e);
    auto body = http::parse_json_body(ex.request);
    std::vector<std::string> languages;
    if (!body.is_object() || !body.contains("languages") || !body["languages"].is_array())
        throw http::unprocessable({{"languages", say("live.captions.languages")}});
    for (const auto& l : body["languages"]) {
        if (!l.is_string())
            throw http::unprocessable({{"languages", say("live.captions.languages")}});
        languages.push_back(trim(l.get<std::string>()));
    }
    set_room_caption_languages(ex, room, languages);
    return http::Response::json({{"languages", store::caption_languages(ex.db(), room.id)}});
}

http::Response api_caption_turns(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto room = live_room_in_path(ex, e);
    nlohmann::json turns = nlohmann::json::array();
    for (const auto& t : store::kept_caption_turns(ex.db(), room.id))
        turns.push_back({{"language", t.language},
                         {"position", t.position},
                         {"speaker", t.speaker},
                         {"text", t.text},
                         {"started_at", t.started_at},
                         {"ended_at", t.ended_at}});
    return http::Response::json({{"status", room.status}, {"turns", turns}});
}

}  // namespace convene::web
