// The programme as an iCalendar (RFC 5545): one VEVENT per session, times in UTC, a UID
// that stays the same across versions and a SEQUENCE that grows with each published
// change, so a subscribed calendar updates the event in place.
#include <algorithm>
#include <string_view>

#include "core/common/messages.hpp"
#include "core/programme/feeds.hpp"

namespace convene::programme {

namespace {

// "2026-12-01T01:37:00Z" as "20261201T013700Z".
std::string basic_utc(const std::string& stored) {
    std::string out;
    for (char c : stored)
        if (c != '-' && c != ':') out += c;
    return out;
}

void property(std::string& out, std::string_view name, const std::string& value) {
    out += icalendar_fold(std::string(name) + ":" + value);
}

std::string event_description(const FeedSession& s) {
    std::string text = s.description;
    std::string people;
    for (const auto& line : people_lines(s)) people += (people.empty() ? "" : "\n") + line;
    if (!people.empty()) text += (text.empty() ? "" : "\n\n") + people;
    return text;
}

void event(std::string& out, const PublishedProgramme& p, const FeedSession& s,
           const CalendarHeader& header) {
    auto start = icalendar_utc(p.time_zone, s.start);
    auto begin = parse_local_time(s.start);
    if (!start || !begin) return;
    auto end = icalendar_utc(p.time_zone, format_local_time(*begin + s.duration));
    out += "BEGIN:VEVENT\r\n";
    property(out, "UID", session_uid(s.id, header.host));
    property(out, "SEQUENCE", std::to_string(s.sequence));
    property(out, "DTSTAMP", basic_utc(header.stamp));
    property(out, "DTSTART", *start);
    property(out, "DTEND", *end);
    property(out, "SUMMARY", icalendar_text(s.code + ": " + s.title));
    property(out, "LOCATION", icalendar_text(s.room_name));
    auto description = event_description(s);
    if (!description.empty()) property(out, "DESCRIPTION", icalendar_text(description));
    if (!s.url.empty()) property(out, "URL", s.url);
    std::string categories;
    auto category = [&](const std::string& c) {
        if (!c.empty()) categories += (categories.empty() ? "" : ",") + icalendar_text(c);
    };
    category(s.type_name);
    category(s.theme);
    for (const auto& t : s.tags) category(t);
    if (!categories.empty()) property(out, "CATEGORIES", categories);
    property(out, "STATUS", s.cancelled ? "CANCELLED" : "CONFIRMED");
    property(out, "TRANSP", "OPAQUE");
    out += "END:VEVENT\r\n";
}

}  // namespace

std::string icalendar_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;
                out += "\\n";
                break;
            default:
                // Other control characters are not allowed in TEXT (RFC 5545 3.3.11).
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string icalendar_fold(const std::string& line) {
    // Each physical line holds at most 75 octets; a continuation starts with a space,
    // which counts. A cut never falls before a UTF-8 continuation byte (10xxxxxx).
    std::string out;
    std::size_t at = 0;
    bool first = true;
    while (at < line.size()) {
        std::size_t room = first ? 75 : 74;
        std::size_t cut = std::min(line.size(), at + room);
        while (cut < line.size() && cut > at + 1 &&
               (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        if (!first) out += ' ';
        out.append(line, at, cut - at);
        out += "\r\n";
        at = cut;
        first = false;
    }
    if (line.empty()) out += "\r\n";
    return out;
}

std::string icalendar(const CalendarHeader& header, const std::vector<PublishedProgramme>& parts) {
    std::string out;
    out += "BEGIN:VCALENDAR\r\n";
    property(out, "VERSION", "2.0");
    property(out, "PRODID", "-//Convene//Programme feeds//EN");
    property(out, "CALSCALE", "GREGORIAN");
    property(out, "METHOD", "PUBLISH");
    property(out, "X-WR-CALNAME", icalendar_text(header.name));
    property(out, "NAME", icalendar_text(header.name));
    property(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
    property(out, "X-PUBLISHED-TTL", "PT1H");
    for (const auto& p : parts)
        for (const auto& s : p.sessions) event(out, p, s, header);
    out += "END:VCALENDAR\r\n";
    return out;
}

}  // namespace convene::programme
