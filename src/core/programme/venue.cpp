#include "core/programme/venue.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/programme/instance.hpp"

namespace convene::programme {

namespace {

// The languages interpreters work in at the forum: the UN's six and the other ISO 639-1
// codes, written as two lower-case letters.
bool is_language_code(const std::string& code) {
    return code.size() == 2 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string at(const char* list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

}  // namespace

const std::vector<std::string>& room_features() {
    static const std::vector<std::string> features = {
        "captioning", "interpretation", "streaming", "hybrid", "step_free", "sign_language"};
    return features;
}

std::optional<long long> local_minutes(const std::string& text) {
    if (text.size() != 16) return std::nullopt;
    auto t = text;
    if (t[10] == ' ') t[10] = 'T';
    return parse_local_time(t);
}

std::vector<OpenWindow> windows_from_text(const std::string& text, FieldErrors& errors) {
    static const std::regex line_shape(
        R"(\s*(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}:\d{2})\s*)");
    auto padded = [](std::string t) { return t.size() == 4 ? "0" + t : t; };
    std::vector<OpenWindow> out;
    for (const auto& line : split_items(text, "\n")) {
        if (trim(line).empty()) continue;
        std::smatch m;
        if (!std::regex_match(line, m, line_shape)) {
            errors.push_back({"windows", say("venue.window.unreadable", {{"line", trim(line)}})});
            continue;
        }
        out.push_back({m[1].str() + "T" + padded(m[2]), m[1].str() + "T" + padded(m[3])});
    }
    return out;
}

std::string windows_text(const std::vector<OpenWindow>& windows) {
    std::string out;
    for (const auto& w : windows) {
        out += w.start.substr(0, 10) + " " + w.start.substr(11) + "-";
        out += (w.end.substr(0, 10) == w.start.substr(0, 10) ? "" : w.end.substr(0, 10) + " ") +
               w.end.substr(11) + "\n";
    }
    return out;
}

std::vector<std::string> edition_days(const std::string& first_day, const std::string& last_day) {
    auto first = local_minutes(first_day + "T00:00"), last = local_minutes(last_day + "T00:00");
    std::vector<std::string> out;
    if (!first || !last) return out;
    for (auto m = *first; m <= *last && out.size() < 62; m += 1440)
        out.push_back(format_local_time(m).substr(0, 10));
    return out;
}

FieldErrors check_room(VenueRoom& room, const std::string& first_day, const std::string& last_day) {
    FieldErrors errors;
    room.name = trim(room.name);
    if (auto err = check_text({"name", say("venue.field.name"), true, 100}, room.name))
        errors.push_back(*err);
    if (room.capacity < 1 || room.capacity > 100000)
        errors.push_back({"capacity", say("venue.room.capacity")});
    if (room.turnover < 0 || room.turnover > 240)
        errors.push_back({"turnover", say("venue.room.turnover")});
    std::set<std::string> features;
    for (std::size_t i = 0; i < room.features.size(); ++i) {
        const auto& f = room.features[i];
        if (std::find(room_features().begin(), room_features().end(), f) == room_features().end())
            errors.push_back({at("features", i), say("venue.room.feature", {{"feature", f}})});
        features.insert(f);
    }
    room.features.assign(features.begin(), features.end());
    for (std::size_t i = 0; i < room.languages.size(); ++i)
        if (!is_language_code(room.languages[i]))
            errors.push_back({at("languages", i),
                              say("venue.room.language", {{"language", room.languages[i]}})});
    if (room.languages.size() > max_languages)
        errors.push_back(
            {"languages", say("venue.room.too_many_languages", {{"most", max_languages}})});
    if (features.count("interpretation") && room.languages.empty())
        errors.push_back({"languages", say("venue.room.interpretation_without_language")});
    if (room.windows.size() > max_windows) {  // a paste gone wrong, not a venue
        errors.push_back({"windows", say("venue.window.too_many", {{"most", max_windows}})});
        return errors;
    }
    // The edition's days, from the first day's midnight to the end of the last.
    auto opens = local_minutes(first_day + "T00:00"), closes = local_minutes(last_day + "T00:00");
    std::vector<std::pair<long long, std::size_t>> read;  // start -> index
    for (std::size_t i = 0; i < room.windows.size(); ++i) {
        const auto& w = room.windows[i];
        auto s = local_minutes(w.start), e = local_minutes(w.end);
        if (!s || !e) {
            errors.push_back({at("windows", i), say("venue.window.not_a_time")});
            continue;
        }
        if (*e <= *s) {
            errors.push_back({at("windows", i), say("venue.window.ends_before_it_starts",
                                                    {{"start", w.start}, {"end", w.end}})});
            continue;
        }
        if (opens && closes && (*s < *opens || *e > *closes + 1440)) {
            errors.push_back({at("windows", i),
                              say("venue.window.outside_days",
                                  {{"start", w.start}, {"first", first_day}, {"last", last_day}})});
            continue;
        }
        read.emplace_back(*s, i);
    }
    std::sort(read.begin(), read.end());
    for (std::size_t k = 1; k < read.size(); ++k) {
        const auto& before = room.windows[read[k - 1].second];
        if (*local_minutes(before.end) > read[k].first)
            errors.push_back(
                {at("windows", read[k].second),
                 say("venue.window.overlaps",
                     {{"start", room.windows[read[k].second].start}, {"other", before.start}})});
    }
    if (errors.empty()) {
        std::vector<OpenWindow> sorted;
        for (const auto& [start, i] : read) sorted.push_back(room.windows[i]);
        room.windows = std::move(sorted);
    }
    return errors;
}

}  // namespace convene::programme
