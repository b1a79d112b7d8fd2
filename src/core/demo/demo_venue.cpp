#include "core/demo/demo_venue.hpp"

namespace convene {

std::vector<programme::VenueRoom> demo_venue(const std::vector<RoomDraft>& rooms,
                                             const std::string& first_day,
                                             const std::string& last_day) {
    std::vector<programme::VenueRoom> out;
    const auto days = programme::edition_days(first_day, last_day);
    for (std::size_t i = 0; i < rooms.size(); ++i) {
        programme::VenueRoom room;
        room.name = rooms[i].name;
        room.capacity = rooms[i].capacity;
        if (rooms[i].interpreted) {
            room.features = {"captioning", "hybrid", "interpretation", "step_free", "streaming"};
            room.languages = {"ar", "en", "es", "fr", "ru", "zh"};
            room.turnover = 20;
            for (const auto& d : days) {
                room.windows.push_back({d + "T09:00", d + "T12:00"});
                room.windows.push_back({d + "T15:00", d + "T18:00"});
            }
        } else {
            room.features = i % 2 == 1 ? std::vector<std::string>{"captioning", "hybrid",
                                                                  "step_free", "streaming"}
                                       : std::vector<std::string>{"hybrid", "step_free"};
            room.turnover = 15;
            for (const auto& d : days) room.windows.push_back({d + "T09:00", d + "T19:00"});
        }
        out.push_back(std::move(room));
    }
    return out;
}

}  // namespace convene
