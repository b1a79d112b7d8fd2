#pragma once
// The venue's rooms, shared by the pages and the API: read from a form or a JSON body,
// checked (every problem named), saved in one transaction and audited.
#include <nlohmann/json.hpp>

#include "core/programme/venue.hpp"
#include "http/form.hpp"
#include "store/editions/editions.hpp"
#include "store/programme/venue.hpp"

namespace convene::web {

class Exchange;

// What the form sent; problems of shape (a window line that does not read, a number
// that is not one) go to `errors`.
programme::VenueRoom room_in_form(const http::Form& form, FieldErrors& errors);
// The JSON body's room; 422 naming the member when one has the wrong type.
programme::VenueRoom room_in_body(const nlohmann::json& body);

// Adds the room; 422 naming every problem, 409 when the edition has a room of that name.
RoomId add_room(Exchange& ex, const store::Edition& e, programme::VenueRoom room);
// Saves the room over `expected_version`; 409 when someone saved it since (nothing is
// overwritten) or another room has its name; 422 naming every problem.
void save_room(Exchange& ex, const store::Edition& e, RoomId id, programme::VenueRoom room,
               std::int64_t expected_version);

// The room 404 when the edition has none with this id.
store::StoredRoom room_in_path(Exchange& ex, const store::Edition& e);

nlohmann::json room_json(const store::StoredRoom& r);

// What a room offers, in words: "Captioning, Interpretation; interpretation: ar, en".
std::string features_words(const programme::VenueRoom& room);

}  // namespace convene::web
