#pragma once
// The header of a transcript file: its title line ("IGF 2018 - Day 3 - Salle XI -
// Dynamic Coalition (DC) Coordination Session", "2018 IGF - MAG - Virtual Meeting -
// VIII"), the captioners' disclaimer, a date line ("Thursday, 17 May 2012"), and the
// lines a web page left around them ("You are here"). Pure: no I/O.
#include <string>
#include <string_view>

#include "core/transcripts/transcript.hpp"

namespace convene::transcripts {

// Fills header.line, event, day, room and title from a title line: its parts between
// " - " (or en or em dashes, or " | ") that name the event ("IGF 2018", "2018 IGF"), the
// day ("Day 3") and the room ("Salle XI", "Room 2", "Main Hall"); the title is what
// follows them (the whole line when it names neither day nor room).
void read_title_line(std::string_view line, Header& header);

// "2016-04-06" for a line that is only a date ("6 April 2016", "Thursday, 17 May 2012",
// "May 17, 2012", "2012-05-17"); "" otherwise.
std::string date_of_line(std::string_view line);

// "Day 3" for a line (or part) that is only a day of the event; "" otherwise.
std::string day_of(std::string_view text);

// The captioners' usual disclaimer ("The following are the outputs of the real-time
// captioning ... not be treated as an authoritative record").
bool is_disclaimer(std::string_view line);

// What a web page puts before the text ("You are here", "Home", "Skip to main content").
bool is_page_crumb(std::string_view line);

// A line of only punctuation ("***", "-----"): it separates, it says nothing.
bool is_separator(std::string_view line);

}  // namespace convene::transcripts
