// The published programme as feed sessions, the times the feeds write (UTC for
// calendars, ISO 8601 with the venue's offset for the schedules), the stable ids of a
// session, and the venue team's sheet.
#include "core/programme/feeds.hpp"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <tuple>

#include "core/common/messages.hpp"

namespace convene::programme {

PublishedProgramme published_programme(const EditionProgramme& p,
                                       const std::map<std::string, std::string>& type_names) {
    PublishedProgramme out;
    out.time_zone = p.time_zone;
    out.granularity = p.settings.granularity;
    std::map<RoomId, std::string> room_names;
    for (const auto& r : p.rooms) {
        out.rooms.push_back({r.id, r.room.name, r.room.capacity, r.room.features});
        room_names[r.id] = r.room.name;
    }
    for (const auto& s : p.sessions) {
        auto slot = p.previous.find(s.id);
        if (slot == p.previous.end() || !room_names.contains(slot->second.room)) continue;
        FeedSession f;
        f.id = s.id;
        f.code = s.code;
        f.title = s.title;
        f.type = s.session_type;
        auto name = type_names.find(s.session_type);
        f.type_name = name != type_names.end() ? name->second : s.session_type;
        f.theme = s.theme;
        f.tags = s.tags;
        f.description = s.description;
        f.room = slot->second.room;
        f.room_name = room_names[f.room];
        f.start = slot->second.start;
        f.duration = s.duration;
        f.needs = s.needs;
        f.expected = s.expected();
        for (const auto& person : s.people)
            f.people.push_back({person.person, person.name, person.role});
        f.sequence = s.sequence;
        f.cancelled = s.cancelled;
        out.sessions.push_back(std::move(f));
    }
    std::stable_sort(
        out.sessions.begin(), out.sessions.end(), [](const FeedSession& a, const FeedSession& b) {
            return std::tie(a.start, a.room_name, a.code) < std::tie(b.start, b.room_name, b.code);
        });
    return out;
}

int utc_offset_at(const std::string& zone, Minute local) {
    std::unique_ptr<icu::TimeZone> tz(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(tz.get());
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    double wall = static_cast<double>(local) * 60000.0;
    if (basic)
        basic->getOffsetFromLocal(wall, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst,
                                  status);
    else
        tz->getOffset(wall, true, raw, dst, status);
    if (U_FAILURE(status)) return 0;
    return (raw + dst) / 60000;
}

std::optional<std::string> icalendar_utc(const std::string& zone, const std::string& local) {
    auto m = parse_local_time(local);
    if (!m) return std::nullopt;
    auto utc = format_local_time(*m - utc_offset_at(zone, *m));  // "2027-06-23T07:00"
    return utc.substr(0, 4) + utc.substr(5, 2) + utc.substr(8, 2) + "T" + utc.substr(11, 2) +
           utc.substr(14, 2) + "00Z";
}

std::optional<std::string> iso_with_offset(const std::string& zone, const std::string& local) {
    auto m = parse_local_time(local);
    if (!m) return std::nullopt;
    int offset = utc_offset_at(zone, *m);
    int magnitude = offset < 0 ? -offset : offset;
    char text[16];
    std::snprintf(text, sizeof text, "%c%02d:%02d", offset < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
    return local + ":00" + text;
}

std::string session_uid(SessionId id, const std::string& host) {
    return "session-" + to_string(id) + "@" + host;
}

std::string session_uuid(const std::string& uid) {
    // Two FNV-1a hashes of the UID make 128 bits, marked as an RFC 9562 version 8
    // (custom) UUID: the same UID always gives the same UUID.
    auto fnv = [&](std::uint64_t seed) {
        std::uint64_t h = seed;
        for (unsigned char c : uid) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        return h;
    };
    auto mix = [](std::uint64_t z) {  // splitmix64's finaliser: every bit stirs every bit
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    std::uint64_t hi = mix(fnv(14695981039346656037ULL));
    std::uint64_t lo = mix(fnv(0x6c62272e07bb0142ULL) ^ hi);
    hi = (hi & ~0xF000ULL) | 0x8000ULL;                  // version 8
    lo = (lo & ~(0xC000ULL << 48)) | (0x8000ULL << 48);  // variant 10
    char text[40];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(hi >> 32),
                  static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(hi & 0xFFFF),
                  static_cast<unsigned long long>(lo >> 48),
                  static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return text;
}

std::string schedule_acronym(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (plain)
            out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    while (out.size() < 4) out += '_';
    return out;
}

std::vector<std::string> people_lines(const FeedSession& s) {
    std::vector<PersonId> order;
    std::map<PersonId, std::pair<std::string, std::vector<std::string>>> named;  // name, roles
    for (const auto& p : s.people) {
        auto [at, added] = named.try_emplace(p.id, p.name, std::vector<std::string>());
        if (added) order.push_back(p.id);
        auto& roles = at->second.second;
        if (std::find(roles.begin(), roles.end(), p.role) == roles.end()) roles.push_back(p.role);
    }
    std::vector<std::string> out;
    for (auto id : order) {
        std::string roles;
        for (const auto& r : named[id].second)
            roles += (roles.empty() ? "" : ", ") + code_label("programme.feed.role.", r);
        out.push_back(say("programme.feed.person", {{"name", named[id].first}, {"role", roles}}));
    }
    return out;
}

std::vector<std::vector<std::string>> venue_sheet(const PublishedProgramme& p) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({say("programme.feed.sheet.day"), say("programme.feed.sheet.start"),
                    say("programme.feed.sheet.end"), say("programme.feed.sheet.room"),
                    say("programme.feed.sheet.code"), say("programme.feed.sheet.title"),
                    say("programme.feed.sheet.type"), say("programme.feed.sheet.needs"),
                    say("programme.feed.sheet.expected"), say("programme.feed.sheet.people")});
    for (const auto& s : p.sessions) {
        if (s.cancelled) continue;
        auto start = parse_local_time(s.start);
        if (!start) continue;
        std::string needs, people;
        for (const auto& n : s.needs)
            needs += (needs.empty() ? "" : ", ") + code_label("venue.feature.", n);
        for (const auto& line : people_lines(s)) people += (people.empty() ? "" : "; ") + line;
        rows.push_back({s.start.substr(0, 10), format_time_of_day(*start),
                        format_time_of_day(*start + s.duration), s.room_name, s.code, s.title,
                        s.type_name, needs, std::to_string(s.expected), people});
    }
    return rows;
}

}  // namespace convene::programme
