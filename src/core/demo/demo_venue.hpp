#pragma once
// The demo forum's venue: an interpreted main hall open in two three-hour windows a day,
// and workshop rooms open 09:00-19:00, half of them with captioning.
#include <string>
#include <vector>

#include "core/editions/edition.hpp"
#include "core/programme/venue.hpp"

namespace convene {

std::vector<programme::VenueRoom> demo_venue(const std::vector<RoomDraft>& rooms,
                                             const std::string& first_day,
                                             const std::string& last_day);

}  // namespace convene
