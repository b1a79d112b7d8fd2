#include "store/live/captions.hpp"

namespace convene::store {

namespace {

live::CaptionStream stream_of(db::Connection& c, LiveRoomId room, const std::string& language) {
    live::CaptionStream s;
    s.language = language;
    auto r = c.run(R"sql(
        SELECT applied, text FROM caption_streams WHERE room_id = ? AND language = ?
    )sql",
                   {room, language});
    if (r.rows.empty()) return s;
    s.applied = r.rows.front().integer("applied");
    s.text = r.rows.front().text("text");
    auto held = c.run(R"sql(
        SELECT sequence, text FROM caption_chunks
        WHERE room_id = ? AND language = ? AND applied_at IS NULL
        ORDER BY sequence
    )sql",
                      {room, language});
    for (const auto& row : held.rows) s.held[row.integer("sequence")] = row.text("text");
    return s;
}

}  // namespace

std::vector<std::string> caption_languages(db::Connection& c, LiveRoomId room) {
    auto r =
        c.run(R"sql(SELECT language FROM caption_languages WHERE room_id = ? ORDER BY position)sql",
              {room});
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.text("language"));
    if (out.empty()) out.push_back("en");
    return out;
}

void set_caption_languages(db::Connection& c, LiveRoomId room,
                           const std::vector<std::string>& languages) {
    c.run(R"sql(DELETE FROM caption_languages WHERE room_id = ?)sql", {room});
    std::int64_t position = 0;
    for (const auto& language : languages)
        c.run(R"sql(
            INSERT INTO caption_languages (room_id, language, position) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
        )sql",
              {room, language, position++});
}

StoredChunk store_caption_chunk(db::Connection& c, LiveRoomId room, const std::string& language,
                                const live::CaptionChunk& chunk, const std::string& now,
                                const std::optional<std::string>& sent_at) {
    c.run(R"sql(
        INSERT INTO caption_streams (room_id, language) VALUES (?, ?) ON CONFLICT DO NOTHING
    )sql",
          {room, language});
    // The write takes the stream's row lock (PostgreSQL; SQLite writes one at a time):
    // whoever comes second reads the stream as the first left it.
    c.run(R"sql(
        UPDATE caption_streams SET applied = applied WHERE room_id = ? AND language = ?
    )sql",
          {room, language});
    auto stream = stream_of(c, room, language);
    StoredChunk out;
    out.result = live::add_chunk(stream, chunk);
    if (!out.result.refusal.empty()) return out;
    if (out.result.outcome == live::ChunkOutcome::duplicate) {
        auto same = c.run(R"sql(
            SELECT text FROM caption_chunks WHERE room_id = ? AND language = ? AND sequence = ?
        )sql",
                          {room, language, chunk.sequence});
        if (!same.rows.empty() && same.rows[0].text("text") != chunk.text) {
            out.taken = true;
            out.next = next_caption_sequence(stream);
        }
        return out;
    }
    db::Value sent = nullptr;
    if (sent_at) sent = *sent_at;
    c.run(R"sql(
        INSERT INTO caption_chunks (room_id, language, sequence, text, received_at, sent_at)
        VALUES (?, ?, ?, ?, ?, ?)
    )sql",
          {room, language, chunk.sequence, chunk.text, now, sent});
    if (out.result.outcome == live::ChunkOutcome::held) return out;
    // This chunk and the held ones it released: consecutive sequences.
    c.run(R"sql(
        UPDATE caption_chunks SET applied_at = ?
        WHERE room_id = ? AND language = ? AND sequence BETWEEN ? AND ?
    )sql",
          {now, room, language, stream.log.front().first, stream.log.back().first});
    c.run(R"sql(
        UPDATE caption_streams SET applied = ?, text = ? WHERE room_id = ? AND language = ?
    )sql",
          {stream.applied, stream.text, room, language});
    out.applied = stream.log;
    return out;
}

live::CaptionStream caption_stream(db::Connection& c, LiveRoomId room,
                                   const std::string& language) {
    return stream_of(c, room, language);
}

std::int64_t next_caption_sequence(const live::CaptionStream& stream) {
    auto last = stream.applied;
    if (!stream.held.empty()) last = std::max(last, stream.held.rbegin()->first);
    return last + 1;
}

std::vector<std::pair<std::int64_t, std::string>> caption_chunks_after(db::Connection& c,
                                                                       LiveRoomId room,
                                                                       const std::string& language,
                                                                       std::int64_t position,
                                                                       std::int64_t limit) {
    auto r = c.run(R"sql(
        SELECT sequence, text FROM caption_chunks
        WHERE room_id = ? AND language = ? AND applied_at IS NOT NULL AND sequence > ?
        ORDER BY sequence
        LIMIT ?
    )sql",
                   {room, language, position, limit});
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& row : r.rows) out.emplace_back(row.integer("sequence"), row.text("text"));
    return out;
}

CaptionerTokenId add_captioner_token(db::Connection& c, LiveRoomId room,
                                     const std::string& token_hash, const std::string& label,
                                     AccountId by, const std::string& now,
                                     const std::string& expires_at) {
    return CaptionerTokenId{db::scalar(c.run(R"sql(
        INSERT INTO captioner_tokens (room_id, token_hash, label, created_by, created_at,
                                      expires_at)
        VALUES (?, ?, ?, ?, ?, ?)
        RETURNING id
    )sql",
                                             {room, token_hash, label, by, now, expires_at}))};
}

std::vector<CaptionerToken> captioner_tokens(db::Connection& c, LiveRoomId room) {
    auto r = c.run(R"sql(
        SELECT t.id, t.label, a.name, t.created_at, t.expires_at, t.revoked_at
        FROM captioner_tokens t
        LEFT JOIN accounts a ON a.id = t.created_by
        WHERE t.room_id = ?
        ORDER BY t.id
    )sql",
                   {room});
    std::vector<CaptionerToken> out;
    for (const auto& row : r.rows)
        out.push_back({row.id<CaptionerTokenId>("id"), row.text("label"),
                       row.optional_text("name").value_or(""), row.text("created_at"),
                       row.text("expires_at"), row.optional_text("revoked_at").value_or("")});
    return out;
}

bool revoke_captioner_token(db::Connection& c, LiveRoomId room, CaptionerTokenId token,
                            const std::string& now) {
    auto r = c.run(R"sql(
        UPDATE captioner_tokens SET revoked_at = ?
        WHERE id = ? AND room_id = ? AND revoked_at IS NULL
        RETURNING id
    )sql",
                   {now, token, room});
    return !r.rows.empty();
}

std::int64_t revoke_captioner_tokens_made_by(db::Connection& c, AccountId account,
                                             const std::string& now) {
    return c
        .run(R"sql(
        UPDATE captioner_tokens SET revoked_at = ?
        WHERE created_by = ? AND revoked_at IS NULL AND expires_at > ?
    )sql",
             {now, account, now})
        .changed;
}

std::optional<std::pair<EditionId, LiveRoomId>> captioner_token_room(db::Connection& c,
                                                                     const std::string& token_hash,
                                                                     const std::string& now) {
    auto r = c.run(R"sql(
        SELECT r.edition_id, r.id
        FROM captioner_tokens t
        JOIN live_rooms r ON r.id = t.room_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
          AND r.status = 'open'
    )sql",
                   {token_hash, now});
    if (r.rows.empty()) return std::nullopt;
    return std::pair{r.rows.front().id<EditionId>("edition_id"),
                     r.rows.front().id<LiveRoomId>("id")};
}

void keep_caption_turns(db::Connection& c, LiveRoomId room) {
    c.run(R"sql(DELETE FROM caption_turns WHERE room_id = ?)sql", {room});
    auto streams =
        c.run(R"sql(SELECT language FROM caption_streams WHERE room_id = ? ORDER BY language)sql",
              {room});
    for (const auto& stream : streams.rows) {
        auto language = stream.text("language");
        auto r = c.run(R"sql(
            SELECT sequence, text, received_at FROM caption_chunks
            WHERE room_id = ? AND language = ? AND applied_at IS NOT NULL
            ORDER BY sequence
        )sql",
                       {room, language});
        std::vector<live::TimedChunk> chunks;
        for (const auto& row : r.rows)
            chunks.push_back({row.integer("sequence"), row.text("text"), row.text("received_at")});
        std::int64_t position = 0;
        for (const auto& t : live::timed_caption_turns(chunks))
            c.run(R"sql(
                INSERT INTO caption_turns (room_id, language, position, speaker, text,
                                           started_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
            )sql",
                  {room, language, ++position, t.turn.speaker, t.turn.text, t.started_at,
                   t.ended_at});
    }
}

std::vector<StoredCaptionTurn> kept_caption_turns(db::Connection& c, LiveRoomId room) {
    auto r = c.run(R"sql(
        SELECT language, position, speaker, text, started_at, ended_at FROM caption_turns
        WHERE room_id = ?
        ORDER BY language, position
    )sql",
                   {room});
    std::vector<StoredCaptionTurn> out;
    for (const auto& row : r.rows)
        out.push_back({row.text("language"), static_cast<int>(row.integer("position")),
                       row.text("speaker"), row.text("text"), row.text("started_at"),
                       row.text("ended_at")});
    return out;
}

}  // namespace convene::store
