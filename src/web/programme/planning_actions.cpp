#include "web/programme/planning_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "core/programme/planning.hpp"
#include "http/error.hpp"
#include "store/editions/editions.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/venue.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

// The person of each "e-mail, role" line.
void add_person(Exchange& ex, programme::ProgrammeSession& s, const std::string& email,
                const std::string& role, const std::string& field, FieldErrors& errors) {
    auto person = store::person_by_email(ex.db(), email);
    if (!person) {
        errors.push_back(
            {field, say("planning.no_such_person", {{"email", shortened(email, 254)}})});
        return;
    }
    s.people.push_back({person->id, person->name, role, person->time_zone, true});
}

}  // namespace

programme::ProgrammeSession created_session_in_form(Exchange& ex, const http::Form& form,
                                                    FieldErrors& errors) {
    programme::ProgrammeSession s;
    s.code = trim(form.get("code"));
    s.title = trim(form.get("title"));
    s.session_type = form.get("session_type");
    s.duration = typed_whole_number(form.get("duration"), "duration", 0, errors);
    s.demand = typed_whole_number(form.get("demand"), "demand", 0, errors);
    for (const auto& f : programme::room_features())
        if (form.has("need_" + f)) s.needs.push_back(f);
    for (const auto& line : split_items(form.get("people"), "\n")) {
        auto comma = line.find(',');
        if (comma == std::string::npos) {
            errors.push_back({"people", say("planning.person_line", {{"line", line}})});
            continue;
        }
        // The role as people write it ("Online moderator") is the code "online_moderator".
        auto role = ascii_lower(trim(line.substr(comma + 1)));
        for (auto& c : role)
            if (c == ' ' || c == '-') c = '_';
        add_person(ex, s, trim(line.substr(0, comma)), role, "people", errors);
    }
    auto room = trim(form.get("fixed_room")), start = trim(form.get("fixed_start"));
    if (!room.empty() || !start.empty()) {
        auto id = typed_whole_number(room, "fixed_room", 0, errors);
        s.fixed = programme::Slot{RoomId{id}, start.size() > 10 && start[10] == ' '
                                                  ? start.substr(0, 10) + "T" + start.substr(11)
                                                  : start};
    }
    return s;
}

programme::ProgrammeSession created_session_in_body(Exchange& ex, const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    programme::ProgrammeSession s;
    FieldErrors errors;
    auto text = [&](const char* name) {
        if (!body.contains(name) || body[name].is_null()) return std::string();
        if (!body[name].is_string()) errors.push_back({name, say("venue.not_text")});
        return body[name].is_string() ? body[name].get<std::string>() : std::string();
    };
    auto number = [&](const char* name) {
        if (!body.contains(name) || body[name].is_null()) return 0;
        if (!body[name].is_number_integer() || body[name].get<long long>() < 0 ||
            body[name].get<long long>() > 1000000) {
            errors.push_back({name, say("venue.room.whole_number")});
            return 0;
        }
        return body[name].get<int>();
    };
    s.code = text("code");
    s.title = text("title");
    s.session_type = text("session_type");
    s.duration = number("duration");
    s.demand = number("demand");
    if (body.contains("needs")) {
        if (!body["needs"].is_array())
            errors.push_back({"needs", say("venue.not_text_list")});
        else
            for (const auto& n : body["needs"])
                if (n.is_string())
                    s.needs.push_back(n.get<std::string>());
                else
                    errors.push_back({"needs", say("venue.not_text_list")});
    }
    if (body.contains("people")) {
        const auto& people = body["people"];
        if (!people.is_array())
            errors.push_back({"people", say("planning.people_list")});
        else
            for (std::size_t i = 0; i < people.size() && i < 200; ++i) {
                auto field = "people[" + std::to_string(i) + "]";
                const auto& p = people[i];
                if (!p.is_object() || !p.contains("email") || !p["email"].is_string() ||
                    !p.contains("role") || !p["role"].is_string())
                    errors.push_back({field, say("planning.people_list")});
                else
                    add_person(ex, s, p["email"], p["role"], field, errors);
            }
    }
    if (body.contains("fixed") && !body["fixed"].is_null()) {
        const auto& f = body["fixed"];
        if (!f.is_object() || !f.contains("room") || !f["room"].is_number_integer() ||
            !f.contains("start") || !f["start"].is_string())
            errors.push_back({"fixed", say("planning.fixed")});
        else
            s.fixed = programme::Slot{RoomId{f["room"].get<std::int64_t>()}, f["start"]};
    }
    throw_if_invalid(errors);
    return s;
}

SessionId create_session(Exchange& ex, const store::Edition& e, programme::ProgrammeSession s,
                         FieldErrors errors) {
    // Each field named once: a problem of shape ("long" for a duration) says it best.
    for (auto& err : programme::check_created_session(s, e.start_date, e.end_date))
        if (std::none_of(errors.begin(), errors.end(),
                         [&](const FieldError& f) { return f.field == err.field; }))
            errors.push_back(err);
    // A type the planning form offers (the forum's or this edition's), never any text.
    bool known_type = false;
    for (const auto& t : standard_session_types())
        known_type = known_type || t.code == s.session_type;
    for (const auto& t : store::list_session_types(ex.db(), e.id))
        known_type = known_type || t.code == s.session_type;
    if (!known_type && std::none_of(errors.begin(), errors.end(),
                                    [](const FieldError& f) { return f.field == "session_type"; }))
        errors.push_back({"session_type", say("planning.session_type")});
    if (s.fixed && !store::venue_room(ex.db(), e.id, s.fixed->room))
        errors.push_back({"fixed_room", say("timetable.no_such_room")});
    throw_if_invalid(errors);
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::add_programme_session(ex.db(), e.id, s);
        attempt.release();
        ex.audit("timetable.session.create", "session " + to_string(id),
                 {{"code", s.code}, {"title", s.title}});
        return id;
    } catch (const db::Error& err) {
        if (err.kind() != db::Error::Kind::unique_violation) throw;
        auto message = say("planning.code_taken", {{"code", s.code}});
        throw http::conflict(message, {{"code", message}});
    }
}

void add_unavailable(Exchange& ex, const store::Edition& e, const std::string& email,
                     const std::string& start, const std::string& end) {
    FieldErrors errors;
    auto person = store::person_by_email(ex.db(), trim(email));
    if (!person)
        errors.push_back(
            {"email", say("planning.no_such_person", {{"email", shortened(email, 254)}})});
    programme::PersonUnavailable u;
    u.start = start;
    u.end = end;
    for (auto* t : {&u.start, &u.end})
        if (t->size() > 10 && (*t)[10] == ' ') (*t)[10] = 'T';
    for (auto& err : programme::check_unavailable(u, e.start_date, e.end_date))
        errors.push_back(err);
    throw_if_invalid(errors);
    u.person = person->id;
    u.name = person->name;
    store::add_unavailability(ex.db(), e.id, u);
    ex.audit("timetable.unavailable.add", "person " + to_string(u.person),
             {{"start", u.start}, {"end", u.end}});
}

void remove_unavailable(Exchange& ex, const store::Edition& e, std::int64_t id) {
    auto all = store::unavailability(ex.db(), e.id);
    if (std::none_of(all.begin(), all.end(), [&](const auto& u) { return u.id == id; }))
        throw http::not_found(say("planning.no_such_unavailability"));
    store::remove_unavailability(ex.db(), e.id, id);
    ex.audit("timetable.unavailable.remove", "edition " + to_string(e.id), {{"id", id}});
}

void set_time_zone(Exchange& ex, const std::string& email, const std::string& zone) {
    FieldErrors errors;
    auto person = store::person_by_email(ex.db(), trim(email));
    if (!person)
        errors.push_back(
            {"email", say("planning.no_such_person", {{"email", shortened(email, 254)}})});
    for (auto& err : programme::check_time_zone(trim(zone))) errors.push_back(err);
    throw_if_invalid(errors);
    store::set_person_time_zone(ex.db(), person->id, trim(zone));
    ex.audit("timetable.time_zone", "person " + to_string(person->id), {{"time_zone", trim(zone)}});
}

nlohmann::json unavailable_json(Exchange& ex, const store::Edition& e) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : store::unavailability(ex.db(), e.id))
        out.push_back({{"id", u.id},
                       {"person", u.person},
                       {"name", u.name},
                       {"start", u.start},
                       {"end", u.end}});
    return out;
}

}  // namespace convene::web
