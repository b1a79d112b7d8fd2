#pragma once
// Live captions' actions, shared by the captioner's page and the API: a chunk pushed by
// a signed-in captioner (or chair, or the Secretariat) or by captioning software with a
// room's captioner token, acknowledged once stored; the pull by position; the tokens.
// Each applied chunk is told to the stream's followers ("live-captions-<room>-<lang>")
// once the transaction commits.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "store/editions/editions.hpp"
#include "store/live/rooms.hpp"

namespace convene::web {

class Exchange;

struct CaptionPush {
    std::int64_t sequence = 0;
    std::string language = "en", text;
    std::optional<std::string> sent_at;  // the sender's timestamp, as UTC text
};
// 422 naming `sequence`, `language`, `text` or `timestamp`.
CaptionPush caption_push_in_body(const nlohmann::json& body);
// StreamText's shape: ?seq=N&lang=en[&time=ISO] with the text as the body.
CaptionPush caption_push_in_query(const http::Request& request);

// Captioners, chairs and co-chairs of the room, and the edition's Secretariat.
bool may_caption(Exchange& ex, const store::Edition& e, LiveRoomId room);
// Chairs, co-chairs and the Secretariat: the room's tokens and languages.
bool may_manage_captions(Exchange& ex, const store::Edition& e, LiveRoomId room);

// Stores the chunk; {"acknowledged", "applied", "outcome"}. 409 when the room is closed,
// 422 naming the field the caption rules refuse.
nlohmann::json push_caption(Exchange& ex, const store::LiveRoom& room, const CaptionPush& push);

// The pull answer: {"language", "languages", "last", "chunks": [{"sequence", "text"}]}.
// `language` "" means the room's first; `last` as typed ("" = everything). 400 naming
// `last` or `language`.
nlohmann::json captions_after(Exchange& ex, const store::LiveRoom& room, std::string language,
                              const std::string& last);
// At most this many chunks in one answer; a client asks again from the answer's `last`.
inline constexpr std::int64_t max_pulled_chunks = 500;

struct NewToken {
    CaptionerTokenId id;
    std::string token, label, expires_at;
};
// 422 naming `label` or `days` (1 to 30).
NewToken create_captioner_token(Exchange& ex, const store::LiveRoom& room, const std::string& label,
                                const std::string& days);
void revoke_captioner_token(Exchange& ex, const store::LiveRoom& room, CaptionerTokenId token);
nlohmann::json captioner_tokens_json(Exchange& ex, const store::LiveRoom& room);

// 422 naming `languages` (codes like "en", "fr"; 1 to 10).
void set_room_caption_languages(Exchange& ex, const store::LiveRoom& room,
                                const std::vector<std::string>& languages);

std::string captions_topic(LiveRoomId room, const std::string& language);

}  // namespace convene::web
