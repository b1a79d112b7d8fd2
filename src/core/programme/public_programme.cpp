#include "core/programme/public_programme.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/common/text.hpp"
#include "core/programme/instance.hpp"
#include "core/programme/venue.hpp"

namespace convene::programme {

std::vector<ListedSession> published_programme(const std::vector<ProgrammeSession>& sessions,
                                               const std::map<SessionId, Slot>& published,
                                               const std::vector<PlannedRoom>& rooms) {
    std::map<RoomId, std::string> room_names;
    for (const auto& r : rooms) room_names[r.id] = r.room.name;
    std::vector<ListedSession> out;
    for (const auto& s : sessions) {
        if (s.cancelled) continue;
        auto at = published.find(s.id);
        if (at == published.end()) continue;
        auto start = local_minutes(at->second.start);
        auto room = room_names.find(at->second.room);
        if (!start || room == room_names.end()) continue;
        out.push_back({s, at->second, room->second, format_local_time(*start + s.duration)});
    }
    std::sort(out.begin(), out.end(), [](const ListedSession& a, const ListedSession& b) {
        return std::tie(a.slot.start, a.room, a.session.code) <
               std::tie(b.slot.start, b.room, b.session.code);
    });
    return out;
}

namespace {

bool has_words(const ListedSession& s, const std::string& query) {
    auto words = split_items(comparison_key(query), " ");
    if (words.empty()) return true;
    std::string text = s.session.code + "\n" + s.session.title + "\n" + s.session.description;
    for (const auto& p : s.session.people) text += "\n" + p.name;
    auto folded = comparison_key(text);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return folded.find(w) != std::string::npos; });
}

}  // namespace

bool matches(const ListedSession& s, const ProgrammeFilter& f) {
    if (!f.day.empty() && s.day() != f.day) return false;
    if (!f.room.empty() && s.room != f.room) return false;
    if (!f.theme.empty() && s.session.theme != f.theme) return false;
    if (!f.type.empty() && s.session.session_type != f.type) return false;
    if (!f.tag.empty() &&
        std::find(s.session.tags.begin(), s.session.tags.end(), f.tag) == s.session.tags.end())
        return false;
    return f.q.empty() || has_words(s, f.q);
}

std::vector<ListedSession> filtered(const std::vector<ListedSession>& all,
                                    const ProgrammeFilter& filter) {
    std::vector<ListedSession> out;
    for (const auto& s : all)
        if (matches(s, filter)) out.push_back(s);
    return out;
}

ProgrammeChoices programme_choices(const std::vector<ListedSession>& all) {
    std::set<std::string> days, rooms, themes, tags, types;
    for (const auto& s : all) {
        days.insert(s.day());
        rooms.insert(s.room);
        if (!s.session.theme.empty()) themes.insert(s.session.theme);
        for (const auto& t : s.session.tags)
            if (!t.empty()) tags.insert(t);
        types.insert(s.session.session_type);
    }
    auto list = [](const std::set<std::string>& s) {
        return std::vector<std::string>(s.begin(), s.end());
    };
    return {list(days), list(rooms), list(themes), list(tags), list(types)};
}

const ListedSession* listed_session(const std::vector<ListedSession>& all,
                                    const std::string& code) {
    auto wanted = ascii_lower(code);
    for (const auto& s : all)
        if (ascii_lower(s.session.code) == wanted) return &s;
    return nullptr;
}

}  // namespace convene::programme
