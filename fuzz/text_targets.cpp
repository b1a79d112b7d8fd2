// Text people paste or type: a published workshop page, a room's open windows.
#include "core/programme/venue.hpp"
#include "core/proposals/workshop_page.hpp"
#include "fuzz/target.hpp"

CONVENE_FUZZ_TARGET(workshop_page, {"IGF 2023 WS #12 Children's rights online\n"
                                    "Organizer 1: Civil Society, Western European and Others "
                                    "Group (WEOG)\nSpeaker 1: Ana Silva, [Confirmed, "
                                    "Government, WEOG]\nSession report\nKey takeaways\n"}) {
    (void)convene::parse_workshop_page(convene::fuzz::text(data, size));
}

CONVENE_FUZZ_TARGET(venue_windows, {"2027-06-23 09:00-12:00\n2027-06-23 15:00 – 18:00\n"}) {
    convene::FieldErrors errors;
    convene::programme::VenueRoom room;
    room.name = "Room";
    room.capacity = 10;
    room.windows =
        convene::programme::windows_from_text(std::string(convene::fuzz::text(data, size)), errors);
    (void)convene::programme::check_room(room, "2027-06-22", "2027-06-25");
}
