#include "core/transcripts/search_facets.hpp"

#include <cstdio>

#include "core/transcripts/search_text.hpp"

namespace convene::transcripts {

namespace {

std::string run_together(std::string_view text) {
    std::string out;
    for (char ch : search_text(text))
        if (ch != ' ') out += ch;
    return out;
}

struct Day {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Day&) const = default;
};

std::optional<Day> day_of(std::string_view s) {
    Day d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    d = {number(0, 4), number(5, 2), number(8, 2)};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
}

int days_in(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string digits(int value, int width) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
    return buffer;
}

}  // namespace

std::string search_speaker(std::string_view label) {
    return search_text(label);
}

std::string label_token(std::string_view label) {
    auto words = run_together(label);
    return words.empty() ? "" : "l" + words;
}

std::string room_token(std::string_view room) {
    auto words = run_together(room);
    return words.empty() ? "" : "r" + words;
}

std::string search_facets(const TurnFacts& f) {
    std::string out = "e" + std::to_string(f.edition) + " t" + std::to_string(f.transcript);
    if (f.speaker) out += " s" + std::to_string(*f.speaker);
    if (auto l = label_token(f.label); !l.empty()) out += " " + l;
    if (auto r = room_token(f.room); !r.empty()) out += " " + r;
    if (auto d = day_of(f.held_on)) {
        auto y = digits(d->year, 4), m = y + digits(d->month, 2);
        out += " y" + y + " m" + m + " d" + m + digits(d->day, 2);
    }
    return out;
}

std::optional<std::vector<std::string>> date_tokens(std::string_view from, std::string_view to,
                                                    std::size_t at_most) {
    auto a = day_of(from), b = day_of(to);
    std::vector<std::string> out;
    if (!a || !b || *b < *a) return out;
    Day at = *a;
    auto after = [](Day d, Day last) { return last < d; };
    while (!after(at, *b)) {
        auto y = digits(at.year, 4), m = y + digits(at.month, 2);
        if (at.month == 1 && at.day == 1 && !after(Day{at.year, 12, 31}, *b)) {
            out.push_back("y" + y);
            at = {at.year + 1, 1, 1};
        } else if (at.day == 1 && !after(Day{at.year, at.month, days_in(at.year, at.month)}, *b)) {
            out.push_back("m" + m);
            at = at.month == 12 ? Day{at.year + 1, 1, 1} : Day{at.year, at.month + 1, 1};
        } else {
            out.push_back("d" + m + digits(at.day, 2));
            if (at.day < days_in(at.year, at.month))
                ++at.day;
            else
                at = at.month == 12 ? Day{at.year + 1, 1, 1} : Day{at.year, at.month + 1, 1};
        }
        if (out.size() > at_most) return std::nullopt;
    }
    return out;
}

}  // namespace convene::transcripts
