#include "web/programme/timetable_session_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/programme/session_settings.hpp"
#include "core/programme/venue.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

using programme::ProgrammeSession;

// A whole number typed in a form; an empty box is an error too, naming the field.
int whole_number(const std::string& typed, const char* name, int fallback, FieldErrors& errors) {
    if (trim(typed).empty()) {
        errors.push_back({name, say("venue.room.whole_number")});
        return fallback;
    }
    return typed_whole_number(typed, name, fallback, errors);
}

std::optional<RoomId> room_named(const std::vector<programme::PlannedRoom>& rooms,
                                 std::int64_t id) {
    for (const auto& r : rooms)
        if (r.id.value() == id) return r.id;
    return std::nullopt;
}

// The sessions named by their codes; an unknown code is an error naming `field`.
std::vector<SessionId> sessions_by_code(const std::vector<std::string>& codes,
                                        const std::vector<ProgrammeSession>& all,
                                        const std::string& field, FieldErrors& errors) {
    std::vector<SessionId> out;
    for (const auto& typed : codes) {
        auto code = trim(typed);
        auto at = std::find_if(all.begin(), all.end(), [&](const ProgrammeSession& s) {
            return ascii_lower(s.code) == ascii_lower(code);
        });
        if (at == all.end())
            errors.push_back({field, say("timetable.session.unknown_code", {{"code", code}})});
        else if (std::find(out.begin(), out.end(), at->id) == out.end())
            out.push_back(at->id);
    }
    return out;
}

// A start typed "2027-06-23 09:00" or "2027-06-23T09:00", as stored.
std::string local_start(const std::string& typed) {
    auto t = trim(typed);
    if (t.size() == 16 && t[10] == ' ') t[10] = 'T';
    return t;
}

}  // namespace

ProgrammeSession session_in_path(Exchange& ex, const store::Edition& e) {
    auto s = store::programme_session(ex.db(), e.id, ex.params.id<SessionId>("session"));
    if (!s) throw http::not_found(say("timetable.session.no_such"));
    return *s;
}

ProgrammeSession session_settings_in_form(const http::Form& form, const ProgrammeSession& stored,
                                          const std::vector<ProgrammeSession>& all,
                                          const std::vector<programme::PlannedRoom>& rooms,
                                          FieldErrors& errors) {
    auto s = stored;
    s.duration = whole_number(form.get("duration"), "duration", stored.duration, errors);
    s.demand = trim(form.get("demand")).empty()
                   ? 0
                   : whole_number(form.get("demand"), "demand", stored.demand, errors);
    s.needs.clear();
    for (const auto& f : programme::room_features())
        if (form.has("need_" + f)) s.needs.push_back(f);
    s.tags = programme::tags_from_text(form.get("tags"));
    s.after = sessions_by_code(split_items(form.get("after"), ", ;"), all, "after", errors);
    auto room = trim(form.get("fixed_room"));
    auto start = local_start(form.get("fixed_start"));
    s.fixed.reset();
    if (room.empty() && !start.empty())
        errors.push_back({"fixed_room", say("timetable.session.fixed_needs_room")});
    else if (!room.empty() && start.empty())
        errors.push_back({"fixed_start", say("timetable.session.fixed_needs_start")});
    else if (!room.empty()) {
        std::optional<RoomId> id;
        if (room.size() <= 12 && room.find_first_not_of("0123456789") == std::string::npos)
            id = room_named(rooms, std::stoll(room));
        if (!id)
            errors.push_back({"fixed_room", say("venue.no_such_room")});
        else
            s.fixed = programme::Slot{*id, start};
    }
    return s;
}

ProgrammeSession session_settings_in_body(const nlohmann::json& body,
                                          const ProgrammeSession& stored,
                                          const std::vector<ProgrammeSession>& all,
                                          const std::vector<programme::PlannedRoom>& rooms) {
    if (!body.is_object())
        throw http::unprocessable({{"body", say("timetable.session.body_not_object")}});
    auto s = stored;
    FieldErrors errors;
    auto has = [&](const char* name) { return body.contains(name) && !body[name].is_null(); };
    auto number = [&](const char* name, int fallback) {
        if (!has(name)) return fallback;
        if (!body[name].is_number_integer() || body[name].get<long long>() < -1000000 ||
            body[name].get<long long>() > 1000000) {
            errors.push_back({name, say("venue.room.whole_number")});
            return fallback;
        }
        return body[name].get<int>();
    };
    auto texts = [&](const char* name, std::vector<std::string> fallback) {
        if (!has(name)) return fallback;
        std::vector<std::string> out;
        if (!body[name].is_array()) {
            errors.push_back({name, say("venue.not_text_list")});
            return out;
        }
        for (std::size_t i = 0; i < body[name].size() && i < 1000; ++i) {
            if (body[name][i].is_string())
                out.push_back(body[name][i].get<std::string>());
            else
                errors.push_back(
                    {std::string(name) + "[" + std::to_string(i) + "]", say("venue.not_text")});
        }
        return out;
    };
    s.duration = number("duration", stored.duration);
    s.demand = number("demand", stored.demand);
    s.needs = texts("needs", stored.needs);
    s.tags = texts("tags", stored.tags);
    for (auto& t : s.tags) t = trim(t);
    if (has("after")) s.after = sessions_by_code(texts("after", {}), all, "after", errors);
    if (body.contains("fixed")) {
        const auto& f = body["fixed"];
        s.fixed.reset();
        if (f.is_null()) {
            // no fixed place
        } else if (!f.is_object() || !f.contains("room") || !f.contains("start") ||
                   !f["room"].is_number_integer() || !f["start"].is_string()) {
            errors.push_back({"fixed", say("timetable.session.fixed_shape")});
        } else if (auto id = room_named(rooms, f["room"].get<std::int64_t>()); !id) {
            errors.push_back({"fixed.room", say("venue.no_such_room")});
        } else {
            s.fixed = programme::Slot{*id, local_start(f["start"].get<std::string>())};
        }
    }
    throw_if_invalid(errors);
    return s;
}

void save_session_settings(Exchange& ex, const store::Edition& e, const ProgrammeSession& session,
                           const std::vector<ProgrammeSession>& all,
                           std::int64_t expected_version) {
    auto settings = store::programme_settings(ex.db(), e.id);
    auto errors = programme::check_session_settings(session, all, e.start_date, e.end_date,
                                                    settings.granularity);
    throw_if_invalid(errors);
    db::Savepoint attempt(ex.db());
    if (!store::save_programme_session(ex.db(), session, expected_version))
        throw http::conflict(say("timetable.session.changed_since"));
    attempt.release();
    ex.audit("timetable.session.save", "session " + to_string(session.id),
             {{"code", session.code},
              {"duration", session.duration},
              {"demand", session.demand},
              {"version", expected_version + 1}});
}

nlohmann::json session_json(const ProgrammeSession& s, const std::vector<ProgrammeSession>& all) {
    nlohmann::json after = nlohmann::json::array();
    for (auto a : s.after)
        for (const auto& o : all)
            if (o.id == a) after.push_back(o.code);
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : s.people)
        people.push_back(
            {{"name", p.name}, {"role", p.role}, {"onsite", p.onsite}, {"time_zone", p.time_zone}});
    nlohmann::json fixed = nullptr;
    if (s.fixed) fixed = {{"room", s.fixed->room}, {"start", s.fixed->start}};
    return {{"id", s.id},
            {"code", s.code},
            {"title", s.title},
            {"session_type", s.session_type},
            {"theme", s.theme},
            {"proposal", s.proposal ? nlohmann::json(*s.proposal) : nlohmann::json(nullptr)},
            {"duration", s.duration},
            {"needs", s.needs},
            {"demand", s.demand},
            {"marks", s.marks},
            {"expected", s.expected()},
            {"tags", s.tags},
            {"fixed", fixed},
            {"after", after},
            {"people", people},
            {"cancelled", s.cancelled},
            {"version", s.version}};
}

}  // namespace convene::web
