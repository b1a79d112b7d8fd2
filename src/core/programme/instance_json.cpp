#include "core/programme/instance_json.hpp"

#include <map>
#include <set>

#include "core/common/messages.hpp"

namespace convene::programme {

namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& field, const std::string& message) {
    throw InputError(field, message);
}

const json& member(const json& j, const char* name, const std::string& where) {
    if (!j.contains(name)) bad(where + name, say("programme.input.missing"));
    return j[name];
}

std::string text(const json& j, const std::string& field) {
    if (!j.is_string() || j.get<std::string>().empty() || j.get<std::string>().size() > max_text)
        bad(field, say("programme.input.text", {{"max", static_cast<int>(max_text)}}));
    return j.get<std::string>();
}

int whole(const json& j, const std::string& field, long long lo, long long hi) {
    if (!j.is_number_integer() || j.get<long long>() < lo || j.get<long long>() > hi)
        bad(field, say("programme.input.whole", {{"lo", lo}, {"hi", hi}}));
    return static_cast<int>(j.get<long long>());
}

Minute time(const json& j, const std::string& field) {
    auto t = j.is_string() ? parse_local_time(j.get<std::string>()) : std::nullopt;
    if (!t) bad(field, say("programme.input.time"));
    return *t;
}

const json& list(const json& j, const std::string& field, std::size_t max) {
    if (!j.is_array()) bad(field, say("programme.input.list"));
    if (j.size() > max)
        bad(field, say("programme.input.list_too_long", {{"max", static_cast<long long>(max)}}));
    return j;
}

std::vector<std::string> texts(const json& j, const std::string& field) {
    std::vector<std::string> out;
    const auto& items = list(j, field, max_list);
    for (std::size_t i = 0; i < items.size(); ++i)
        out.push_back(text(items[i], field + "[" + std::to_string(i) + "]"));
    return out;
}

void object(const json& j, const std::string& field) {
    if (!j.is_object()) bad(field, say("programme.input.object"));
}

}  // namespace

Instance instance_from_json(const json& j) {
    object(j, "instance");
    Instance in;
    in.time_zone = text(member(j, "time_zone", ""), "time_zone");
    if (j.contains("granularity")) in.granularity = whole(j["granularity"], "granularity", 1, 1440);
    if (j.contains("weights")) {
        object(j["weights"], "weights");
        for (auto [name, weight] :
             {std::pair{"overflow", &in.weights.overflow},
              std::pair{"similar", &in.weights.similar}, std::pair{"night", &in.weights.night},
              std::pair{"change", &in.weights.change}})
            if (j["weights"].contains(name))
                *weight = whole(j["weights"][name], std::string("weights.") + name, 0, 1000000);
    }
    std::map<std::string, int> room_index, session_index, person_index;
    auto person = [&](const std::string& id) {
        auto [it, added] = person_index.emplace(id, static_cast<int>(in.people.size()));
        if (added) {
            if (in.people.size() >= max_people)
                bad("people", say("programme.input.list_too_long",
                                  {{"max", static_cast<long long>(max_people)}}));
            in.people.push_back(id);
            in.person_zone.emplace_back();
        }
        return it->second;
    };
    const auto& rooms = list(member(j, "rooms", ""), "rooms", max_rooms);
    for (std::size_t r = 0; r < rooms.size(); ++r) {
        auto where = "rooms[" + std::to_string(r) + "]";
        object(rooms[r], where);
        Room room;
        room.id = text(member(rooms[r], "id", where + "."), where + ".id");
        if (!room_index.emplace(room.id, static_cast<int>(r)).second)
            bad(where + ".id", say("programme.input.id_twice", {{"id", room.id}}));
        room.capacity =
            whole(member(rooms[r], "capacity", where + "."), where + ".capacity", 0, 1000000);
        if (rooms[r].contains("features"))
            room.features = texts(rooms[r]["features"], where + ".features");
        if (rooms[r].contains("turnover"))
            room.turnover = whole(rooms[r]["turnover"], where + ".turnover", 0, 1440);
        const auto& windows =
            list(member(rooms[r], "windows", where + "."), where + ".windows", max_windows);
        for (std::size_t w = 0; w < windows.size(); ++w) {
            auto at = where + ".windows[" + std::to_string(w) + "]";
            object(windows[w], at);
            room.windows.push_back({time(member(windows[w], "start", at + "."), at + ".start"),
                                    time(member(windows[w], "end", at + "."), at + ".end")});
        }
        in.rooms.push_back(std::move(room));
    }
    const auto& sessions = list(member(j, "sessions", ""), "sessions", max_sessions);
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        auto where = "sessions[" + std::to_string(s) + "]";
        object(sessions[s], where);
        auto id = text(member(sessions[s], "id", where + "."), where + ".id");
        if (!session_index.emplace(id, static_cast<int>(s)).second)
            bad(where + ".id", say("programme.input.id_twice", {{"id", id}}));
    }
    auto room_of = [&](const json& v, const std::string& field) {
        auto id = text(v, field);
        auto it = room_index.find(id);
        if (it == room_index.end()) bad(field, say("programme.input.unknown_room", {{"id", id}}));
        return it->second;
    };
    auto session_of = [&](const json& v, const std::string& field) {
        auto id = text(v, field);
        auto it = session_index.find(id);
        if (it == session_index.end())
            bad(field, say("programme.input.unknown_session", {{"id", id}}));
        return it->second;
    };
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        const auto& js = sessions[s];
        auto where = "sessions[" + std::to_string(s) + "]";
        Session session;
        session.id = js["id"].get<std::string>();
        session.duration = whole(member(js, "duration", where + "."), where + ".duration", 1, 1440);
        if (js.contains("needs")) session.needs = texts(js["needs"], where + ".needs");
        if (js.contains("demand"))
            session.demand = whole(js["demand"], where + ".demand", 0, 1000000);
        if (js.contains("tags")) session.tags = texts(js["tags"], where + ".tags");
        if (js.contains("people"))
            for (const auto& id : texts(js["people"], where + ".people")) {
                int p = person(id);
                if (std::find(session.people.begin(), session.people.end(), p) ==
                    session.people.end())
                    session.people.push_back(p);
            }
        if (js.contains("fixed") && !js["fixed"].is_null()) {
            object(js["fixed"], where + ".fixed");
            session.fixed = Placement{
                room_of(member(js["fixed"], "room", where + ".fixed."), where + ".fixed.room"),
                time(member(js["fixed"], "start", where + ".fixed."), where + ".fixed.start")};
        }
        if (js.contains("after")) {
            const auto& after = list(js["after"], where + ".after", max_list);
            for (std::size_t a = 0; a < after.size(); ++a)
                session.after.push_back(
                    session_of(after[a], where + ".after[" + std::to_string(a) + "]"));
        }
        in.sessions.push_back(std::move(session));
    }
    if (j.contains("unavailable")) {
        const auto& items = list(j["unavailable"], "unavailable", max_unavailable);
        for (std::size_t u = 0; u < items.size(); ++u) {
            auto where = "unavailable[" + std::to_string(u) + "]";
            object(items[u], where);
            in.unavailable.push_back(
                {person(text(member(items[u], "person", where + "."), where + ".person")),
                 time(member(items[u], "start", where + "."), where + ".start"),
                 time(member(items[u], "end", where + "."), where + ".end")});
        }
    }
    if (j.contains("time_zones")) {
        const auto& items = list(j["time_zones"], "time_zones", max_people);
        for (std::size_t z = 0; z < items.size(); ++z) {
            auto where = "time_zones[" + std::to_string(z) + "]";
            object(items[z], where);
            int p = person(text(member(items[z], "person", where + "."), where + ".person"));
            in.person_zone[static_cast<std::size_t>(p)] =
                text(member(items[z], "time_zone", where + "."), where + ".time_zone");
        }
    }
    in.previous.assign(in.sessions.size(), std::nullopt);
    if (j.contains("previous")) {
        const auto& items = list(j["previous"], "previous", max_sessions);
        for (std::size_t q = 0; q < items.size(); ++q) {
            auto where = "previous[" + std::to_string(q) + "]";
            object(items[q], where);
            int s = session_of(member(items[q], "session", where + "."), where + ".session");
            in.previous[static_cast<std::size_t>(s)] =
                Placement{room_of(member(items[q], "room", where + "."), where + ".room"),
                          time(member(items[q], "start", where + "."), where + ".start")};
        }
    }
    return in;
}

Instance checked_instance_from_json(const json& j) {
    auto in = instance_from_json(j);
    auto problems = instance_problems(in);
    if (!problems.empty()) throw InputError(problems.front().field, problems.front().message);
    return in;
}

json to_json(const Instance& in) {
    json j = {{"time_zone", in.time_zone},
              {"granularity", in.granularity},
              {"weights",
               {{"overflow", in.weights.overflow},
                {"similar", in.weights.similar},
                {"night", in.weights.night},
                {"change", in.weights.change}}},
              {"rooms", json::array()},
              {"sessions", json::array()},
              {"unavailable", json::array()},
              {"time_zones", json::array()},
              {"previous", json::array()}};
    for (const auto& room : in.rooms) {
        json windows = json::array();
        for (const auto& w : room.windows)
            windows.push_back(
                {{"start", format_local_time(w.start)}, {"end", format_local_time(w.end)}});
        j["rooms"].push_back({{"id", room.id},
                              {"capacity", room.capacity},
                              {"features", room.features},
                              {"turnover", room.turnover},
                              {"windows", windows}});
    }
    for (std::size_t s = 0; s < in.sessions.size(); ++s) {
        const auto& session = in.sessions[s];
        json people = json::array(), after = json::array();
        for (int p : session.people) people.push_back(in.people[static_cast<std::size_t>(p)]);
        for (int a : session.after) after.push_back(in.sessions[static_cast<std::size_t>(a)].id);
        json js = {{"id", session.id},       {"duration", session.duration},
                   {"needs", session.needs}, {"demand", session.demand},
                   {"tags", session.tags},   {"people", people},
                   {"after", after}};
        if (session.fixed)
            js["fixed"] = {{"room", in.rooms[static_cast<std::size_t>(session.fixed->room)].id},
                           {"start", format_local_time(session.fixed->start)}};
        j["sessions"].push_back(std::move(js));
        if (in.previous[s])
            j["previous"].push_back(
                {{"session", session.id},
                 {"room", in.rooms[static_cast<std::size_t>(in.previous[s]->room)].id},
                 {"start", format_local_time(in.previous[s]->start)}});
    }
    for (const auto& u : in.unavailable)
        j["unavailable"].push_back({{"person", in.people[static_cast<std::size_t>(u.person)]},
                                    {"start", format_local_time(u.start)},
                                    {"end", format_local_time(u.end)}});
    for (std::size_t p = 0; p < in.people.size(); ++p)
        if (!in.person_zone[p].empty())
            j["time_zones"].push_back({{"person", in.people[p]}, {"time_zone", in.person_zone[p]}});
    return j;
}

json to_json(const Instance& in, const ScheduleResult& result) {
    json out = {{"placements", json::array()}, {"unplaced", json::array()}};
    for (std::size_t s = 0; s < in.sessions.size(); ++s)
        if (const auto& p = result.timetable[s])
            out["placements"].push_back(
                {{"session", in.sessions[s].id},
                 {"room", in.rooms[static_cast<std::size_t>(p->room)].id},
                 {"start", format_local_time(p->start)},
                 {"end", format_local_time(p->start + in.sessions[s].duration)}});
    for (const auto& u : result.unplaced)
        out["unplaced"].push_back({{"session", in.sessions[static_cast<std::size_t>(u.session)].id},
                                   {"reason", u.reason}});
    const auto& o = result.objective;
    out["objective"] = {{"overflow", o.overflow},
                        {"similar", o.similar},
                        {"night", o.night},
                        {"changes", o.changes},
                        {"total", o.total}};
    out["optimal"] = result.optimal;
    return out;
}

}  // namespace convene::programme
