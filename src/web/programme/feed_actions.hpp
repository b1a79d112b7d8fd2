#pragma once
// The published programme as the feeds carry it, shared by the feed files, the personal
// calendar and the API: read from the database with the addresses filled in.
#include <string>

#include "core/programme/feeds.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// The edition's published timetable with its sessions' and programme's addresses and
// the newest published version's number.
programme::PublishedProgramme feed_programme(Exchange& ex, const store::Edition& e);

// The server's host ("forum.example.org", with the port when there is one), for UIDs.
std::string feed_host(Exchange& ex);
// The server's address without a trailing slash ("https://forum.example.org").
std::string feed_base(Exchange& ex);

// A new secret calendar address for the signed-in account in place of any old one: the
// address (https://.../calendar/<token>.ics); only its hash is stored.
std::string new_calendar_address(Exchange& ex);

}  // namespace convene::web
