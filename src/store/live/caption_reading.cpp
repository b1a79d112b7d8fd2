#include "store/live/caption_reading.hpp"

#include <algorithm>

namespace convene::store {

std::vector<std::string> caption_languages_of(db::Connection& c, LiveRoomId room) {
    auto r = c.run(R"sql(
        SELECT language FROM caption_languages WHERE room_id = ? ORDER BY position, language
    )sql",
                   {room});
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.text("language"));
    auto streams = c.run(
        R"sql(SELECT language FROM caption_streams WHERE room_id = ? ORDER BY language)sql", {room});
    for (const auto& row : streams.rows)
        if (std::find(out.begin(), out.end(), row.text("language")) == out.end())
            out.push_back(row.text("language"));
    if (out.empty()) out.push_back("en");
    return out;
}

CaptionReading caption_reading(db::Connection& c, LiveRoomId room, const std::string& language) {
    auto r = c.run(R"sql(
        SELECT applied, text FROM caption_streams WHERE room_id = ? AND language = ?
    )sql",
                   {room, language});
    CaptionReading out{language, 0, ""};
    if (!r.rows.empty()) {
        out.applied = r.rows.front().integer("applied");
        out.text = r.rows.front().text("text");
    }
    return out;
}

}  // namespace convene::store
