#pragma once
// Live captions in the database: each room's streams (one per language) with what has
// been applied, every chunk as sent, the room's caption languages, the tokens of
// professional captioning software, and the turns kept when the room closes. Every chunk
// is written under its stream's row lock (the rest of the transaction): two pushes of one
// sequence at once are served one after the other, the second acknowledged as a duplicate.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/ids.hpp"
#include "core/live/captions.hpp"
#include "database/database.hpp"

namespace convene::store {

// The room's caption languages in order; {"en"} when none was named.
std::vector<std::string> caption_languages(db::Connection& c, LiveRoomId room);
void set_caption_languages(db::Connection& c, LiveRoomId room,
                           const std::vector<std::string>& languages);

struct StoredChunk {
    live::ChunkResult result;
    // The chunks applied by this one (itself, then held ones it released), in order.
    std::vector<std::pair<std::int64_t, std::string>> applied;
    // Another chunk already holds this sequence with other text (two captioners handing
    // over): nothing is written, and the sender renumbers from `next`.
    bool taken = false;
    std::int64_t next = 0;
};
// Locks the stream, applies the chunk by core/live/captions' rules and stores it (held
// or applied) with the stream's new state. Nothing is written when it is refused or a
// duplicate. `sent_at` is the sender's timestamp, when it gave one.
StoredChunk store_caption_chunk(db::Connection& c, LiveRoomId room, const std::string& language,
                                const live::CaptionChunk& chunk, const std::string& now,
                                const std::optional<std::string>& sent_at);

// The stream as stored (text, applied, held; its log left empty).
live::CaptionStream caption_stream(db::Connection& c, LiveRoomId room, const std::string& language);
// The sequence number a new chunk typed on the captioner's page takes.
std::int64_t next_caption_sequence(const live::CaptionStream& stream);
// At most `limit` applied chunks after `position`, in order, as sent.
std::vector<std::pair<std::int64_t, std::string>> caption_chunks_after(db::Connection& c,
                                                                       LiveRoomId room,
                                                                       const std::string& language,
                                                                       std::int64_t position,
                                                                       std::int64_t limit);

struct CaptionerToken {
    CaptionerTokenId id;
    std::string label, created_by_name, created_at, expires_at, revoked_at;
};
CaptionerTokenId add_captioner_token(db::Connection& c, LiveRoomId room,
                                     const std::string& token_hash, const std::string& label,
                                     AccountId by, const std::string& now,
                                     const std::string& expires_at);
std::vector<CaptionerToken> captioner_tokens(db::Connection& c, LiveRoomId room);
// False when the room has no such token (or it was revoked already).
bool revoke_captioner_token(db::Connection& c, LiveRoomId room, CaptionerTokenId token,
                            const std::string& now);
// Revokes every live token the account made, in any room (the Secretariat blocked it);
// returns how many.
std::int64_t revoke_captioner_tokens_made_by(db::Connection& c, AccountId account,
                                             const std::string& now);
// The room (with its edition) of a token neither revoked nor expired at `now`.
std::optional<std::pair<EditionId, LiveRoomId>> captioner_token_room(db::Connection& c,
                                                                     const std::string& token_hash,
                                                                     const std::string& now);

struct StoredCaptionTurn {
    std::string language;
    int position = 0;  // 1, 2, 3, ... per language
    std::string speaker, text, started_at, ended_at;
};
// Keeps every stream of the room as turns with times (replacing those kept before).
void keep_caption_turns(db::Connection& c, LiveRoomId room);
std::vector<StoredCaptionTurn> kept_caption_turns(db::Connection& c, LiveRoomId room);

}  // namespace convene::store
