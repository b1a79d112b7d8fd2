#pragma once
// The caption viewers' parts: the "Captions" section of a room's page, and the
// full-screen caption view (handler in handlers.hpp). Both render the captions as turns
// on the server, so they read without JavaScript; static/captions.js keeps them live.
#include <nlohmann/json.hpp>

#include "store/editions/editions.hpp"
#include "store/live/rooms.hpp"

namespace convene::web {

class Exchange;

// The view of the room page's "Captions" section, in the room's first language.
nlohmann::json room_captions_view(Exchange& ex, const store::Edition& e,
                                  const store::LiveRoom& room);

}  // namespace convene::web
