#include "core/programme/programme.hpp"

#include <algorithm>
#include <cctype>

namespace convene::programme {

namespace {

std::optional<Placement> placement_of(const Slot& slot, const std::map<RoomId, int>& room_index) {
    auto room = room_index.find(slot.room);
    auto start = parse_local_time(slot.start);
    if (room == room_index.end() || !start) return std::nullopt;
    return Placement{room->second, *start};
}

}  // namespace

EditionInstance edition_instance(const EditionProgramme& programme, bool keep_placed) {
    EditionInstance out;
    auto& in = out.instance;
    in.time_zone = programme.time_zone;
    in.granularity = programme.settings.granularity;
    in.weights = programme.settings.weights;

    std::map<RoomId, int> room_index;
    for (const auto& r : programme.rooms) {
        Room room;
        room.id = r.room.name;
        room.capacity = r.room.capacity;
        room.features = r.room.features;
        room.turnover = r.room.turnover;
        for (const auto& w : r.room.windows) {
            auto start = parse_local_time(w.start), end = parse_local_time(w.end);
            if (start && end) room.windows.push_back({*start, *end});
        }
        room_index[r.id] = static_cast<int>(in.rooms.size());
        out.rooms.push_back(r.id);
        in.rooms.push_back(std::move(room));
    }

    std::map<PersonId, int> person_index;
    std::map<std::string, int> name_count;
    auto person = [&](PersonId id, const std::string& name, const std::string& zone) {
        auto [it, added] = person_index.emplace(id, static_cast<int>(in.people.size()));
        if (added) {
            int n = ++name_count[name];
            in.people.push_back(n == 1 ? name : name + " (" + std::to_string(n) + ")");
            in.person_zone.push_back(zone);
        } else if (!zone.empty()) {
            in.person_zone[static_cast<std::size_t>(it->second)] = zone;
        }
        return it->second;
    };

    std::map<SessionId, int> session_index;
    for (const auto& s : programme.sessions) {
        if (s.cancelled) continue;
        session_index[s.id] = static_cast<int>(in.sessions.size());
        out.sessions.push_back(s.id);
        Session session;
        session.id = s.code;
        session.duration = s.duration;
        session.needs = s.needs;
        session.demand = s.expected();
        session.tags = s.tags;
        for (const auto& p : s.people) {
            int index = person(p.person, p.name, p.onsite ? "" : p.time_zone);
            if (std::find(session.people.begin(), session.people.end(), index) ==
                session.people.end())
                session.people.push_back(index);
        }
        if (s.fixed) session.fixed = placement_of(*s.fixed, room_index);
        in.sessions.push_back(std::move(session));
    }
    for (const auto& s : programme.sessions) {
        auto at = session_index.find(s.id);
        if (at == session_index.end()) continue;
        for (auto a : s.after)
            if (auto other = session_index.find(a); other != session_index.end())
                in.sessions[static_cast<std::size_t>(at->second)].after.push_back(other->second);
    }
    for (const auto& u : programme.unavailable) {
        auto start = parse_local_time(u.start), end = parse_local_time(u.end);
        if (!start || !end) continue;
        in.unavailable.push_back({person(u.person, u.name, ""), *start, *end});
    }

    const auto n = in.sessions.size();
    in.previous.assign(n, std::nullopt);
    for (const auto& [id, slot] : programme.previous)
        if (auto at = session_index.find(id); at != session_index.end())
            in.previous[static_cast<std::size_t>(at->second)] = placement_of(slot, room_index);
    if (!programme.placed.empty()) {
        Timetable placed(n);
        for (const auto& [id, slot] : programme.placed)
            if (auto at = session_index.find(id); at != session_index.end())
                placed[static_cast<std::size_t>(at->second)] = placement_of(slot, room_index);
        if (keep_placed)
            for (std::size_t s = 0; s < n; ++s)
                if (placed[s] && !in.sessions[s].fixed) in.sessions[s].fixed = placed[s];
        out.placed = std::move(placed);
    }
    return out;
}

std::map<SessionId, Slot> edition_slots(const EditionInstance& ei, const Timetable& timetable) {
    std::map<SessionId, Slot> out;
    for (std::size_t s = 0; s < timetable.size() && s < ei.sessions.size(); ++s)
        if (const auto& p = timetable[s])
            out[ei.sessions[s]] = {ei.rooms[static_cast<std::size_t>(p->room)],
                                   format_local_time(p->start)};
    return out;
}

std::string session_code(const std::string& session_type, std::int64_t number) {
    static const std::map<std::string, std::string> codes = {
        {"workshop", "WS"},     {"open_forum", "OF"},     {"dc_session", "DC"},
        {"bpf_session", "BPF"}, {"nri_session", "NRI"},   {"main_session", "MS"},
        {"town_hall", "TH"},    {"lightning_talk", "LT"}, {"day0_event", "D0"}};
    std::string prefix;
    if (auto at = codes.find(session_type); at != codes.end()) {
        prefix = at->second;
    } else {
        bool word_start = true;
        for (char c : session_type) {
            if (word_start && std::isalpha(static_cast<unsigned char>(c)))
                prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            word_start = c == '_' || c == ' ' || c == '-';
        }
        if (prefix.empty()) prefix = "S";
    }
    return prefix + std::to_string(number);
}

}  // namespace convene::programme
