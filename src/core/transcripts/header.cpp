#include "core/transcripts/header.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "core/common/text.hpp"

namespace convene::transcripts {

namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isspace(c) || c == ',') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(c));
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool is_year(std::string_view w) {
    return w.size() == 4 && std::isdigit(static_cast<unsigned char>(w[0])) &&
           std::isdigit(static_cast<unsigned char>(w[1])) &&
           std::isdigit(static_cast<unsigned char>(w[2])) &&
           std::isdigit(static_cast<unsigned char>(w[3])) && (w[0] == '1' || w[0] == '2');
}

int month_number(std::string_view w) {
    static const std::array<std::string_view, 12> months = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < months.size(); ++m)
        if (months[m] == w || (w.size() == 3 && months[m].substr(0, 3) == w) ||
            (w.size() == 4 && w.back() == '.' && months[m].substr(0, 3) == w.substr(0, 3)))
            return static_cast<int>(m) + 1;
    return 0;
}

int day_number(std::string_view w) {
    // "6", "17", "6th", "1st"
    std::size_t digits = 0;
    while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
    if (digits == 0 || digits > 2) return 0;
    auto rest = w.substr(digits);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
    int d = std::stoi(std::string(w.substr(0, digits)));
    return d >= 1 && d <= 31 ? d : 0;
}

bool is_weekday(std::string_view w) {
    for (std::string_view d :
         {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
        if (w == d) return true;
    return false;
}

std::string iso(int year, int month, int day) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return is_iso_date(out) ? out : "";
}

// The parts of a title line between its separators.
std::vector<std::string> title_parts(std::string_view line) {
    std::vector<std::string> parts;
    std::string text(line);
    for (std::string_view dash : {" \u2013 ", " \u2014 ", " | "})
        for (auto at = text.find(dash); at != std::string::npos; at = text.find(dash, at + 3))
            text.replace(at, dash.size(), " - ");
    std::size_t start = 0;
    while (true) {
        auto at = text.find(" - ", start);
        parts.push_back(trim(text.substr(start, at == std::string::npos ? at : at - start)));
        if (at == std::string::npos) break;
        start = at + 3;
    }
    return parts;
}

// "IGF 2018", "2018 IGF", "IGF 2016 ..." (the event's words at the start).
std::string event_of(std::string_view part, bool whole) {
    auto w = words(part);
    if (w.size() >= 2 && w[0] == "igf" && is_year(w[1]) && (!whole || w.size() == 2))
        return "IGF " + w[1];
    if (w.size() >= 2 && is_year(w[0]) && w[1] == "igf" && (!whole || w.size() == 2))
        return std::string(part.substr(0, 4)) + " IGF";
    return "";
}

bool is_room(std::string_view part) {
    auto w = words(part);
    if (w.empty() || w.size() > 5) return false;
    for (const auto& word : w)
        for (std::string_view room :
             {"salle", "room", "hall", "sala", "saal", "raum", "auditorium", "plenary", "plénière"})
            if (word == room) return true;
    return false;
}

}  // namespace

std::string day_of(std::string_view text) {
    auto w = words(text);
    if (w.size() != 2 || w[0] != "day") return "";
    if (w[1] == "zero") return "Day 0";
    if (w[1].size() <= 2 && std::isdigit(static_cast<unsigned char>(w[1][0])) &&
        (w[1].size() == 1 || std::isdigit(static_cast<unsigned char>(w[1][1]))))
        return "Day " + w[1];
    return "";
}

void read_title_line(std::string_view line, Header& h) {
    h.line = std::string(line);
    auto parts = title_parts(line);
    std::size_t last_known = 0;
    bool named_place = false;
    std::vector<bool> known(parts.size(), false);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (auto event = event_of(parts[i], true); !event.empty() && h.event.empty()) {
            h.event = event;
        } else if (auto day = day_of(parts[i]); !day.empty() && h.day.empty()) {
            h.day = day;
            named_place = true;
        } else if (is_room(parts[i]) && h.room.empty() && i + 1 < parts.size()) {
            h.room = parts[i];
            named_place = true;
        } else {
            continue;
        }
        known[i] = true;
        last_known = i + 1;
    }
    if (!named_place) {
        h.day.clear();
        h.room.clear();
        if (h.event.empty()) h.event = event_of(line, false);
        h.title = std::string(line);
        return;
    }
    std::string title;
    for (std::size_t i = last_known; i < parts.size(); ++i)
        title += (title.empty() ? "" : " - ") + parts[i];
    if (title.empty())  // nothing after: the parts it did not know
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!known[i]) title += (title.empty() ? "" : " - ") + parts[i];
    h.title = title.empty() ? std::string(line) : title;
}

std::string date_of_line(std::string_view line) {
    if (line.size() > 40) return "";
    auto w = words(line);
    if (!w.empty() && is_weekday(w.front())) w.erase(w.begin());
    if (w.size() == 1 && w[0].size() == 10 && is_iso_date(w[0])) return w[0];
    if (w.size() != 3) return "";
    // 6 April 2016 / April 6 2016 (commas are gone)
    if (int d = day_number(w[0]), m = month_number(w[1]); d && m && is_year(w[2]))
        return iso(std::stoi(w[2]), m, d);
    if (int m = month_number(w[0]), d = day_number(w[1]); d && m && is_year(w[2]))
        return iso(std::stoi(w[2]), m, d);
    return "";
}

bool is_disclaimer(std::string_view line) {
    auto lower = ascii_lower(line);
    bool captions =
        lower.find("caption") != std::string::npos || lower.find("transcri") != std::string::npos;
    bool caveat = lower.find("accurate") != std::string::npos ||
                  lower.find("authoritative") != std::string::npos ||
                  lower.find("verbatim") != std::string::npos;
    return captions && caveat;
}

bool is_page_crumb(std::string_view line) {
    auto lower = ascii_lower(trim(line));
    for (std::string_view crumb : {"you are here", "home", "skip to main content", "main menu",
                                   "menu", "search", "breadcrumb", "print", "share"})
        if (lower == crumb) return true;
    return false;
}

bool is_separator(std::string_view line) {
    if (line.empty()) return false;
    for (char ch : line) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) return false;
    }
    return true;
}

}  // namespace convene::transcripts
