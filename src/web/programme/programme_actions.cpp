#include "web/programme/programme_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/programme/instance.hpp"
#include "core/programme/local_time.hpp"
#include "http/error.hpp"
#include "store/programme/agenda.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/programme/venue.hpp"
#include "web/programme/venue_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

constexpr std::size_t longest_filter = 200;

// A venue-local "YYYY-MM-DDTHH:MM" as a stored UTC time ("...:00Z").
std::string utc_of(programme::ZoneClock& clock, const std::string& local) {
    auto m = programme::local_minutes(local);
    if (!m) return "";
    return programme::format_local_time(clock.in_zone(*m, "UTC")) + ":00Z";
}

}  // namespace

PublicProgramme public_programme(Exchange& ex, const store::Edition& e) {
    PublicProgramme p;
    p.edition = e;
    p.clock = std::make_shared<programme::ZoneClock>(e.time_zone.empty() ? "UTC" : e.time_zone);
    std::vector<programme::PlannedRoom> rooms;
    for (auto& r : store::venue_rooms(ex.db(), e.id)) {
        p.rooms[r.room.name] = r.room;
        rooms.push_back({r.id, std::move(r.room)});
    }
    auto published = store::published_slots(ex.db(), e.id);
    p.published = !published.empty();
    if (p.published)
        p.sessions = programme::published_programme(store::programme_sessions(ex.db(), e.id),
                                                    published, rooms);
    for (const auto& t : store::list_session_types(ex.db(), e.id)) p.type_names[t.code] = t.name;
    return p;
}

programme::ProgrammeFilter filter_in_query(const http::Request& request) {
    programme::ProgrammeFilter f;
    FieldErrors errors;
    auto read = [&](const char* name, std::string& into) {
        auto value = trim(request.query_param(name));
        if (!is_valid_utf8(value) || count_characters(value) > longest_filter ||
            has_control_characters(value))
            errors.push_back(
                {name, say("programme.public.filter_text", {{"most", longest_filter}})});
        else
            into = value;
    };
    read("day", f.day);
    read("room", f.room);
    read("theme", f.theme);
    read("tag", f.tag);
    read("type", f.type);
    read("q", f.q);
    if (!errors.empty()) throw http::bad_request(errors.front().message, errors);
    return f;
}

std::string filter_query(const programme::ProgrammeFilter& f) {
    std::string out;
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty())
            out += std::string(out.empty() ? "?" : "&") + name + "=" + http::percent_encode(value);
    };
    add("day", f.day);
    add("room", f.room);
    add("theme", f.theme);
    add("tag", f.tag);
    add("type", f.type);
    add("q", f.q);
    return out;
}

const programme::ListedSession& session_in_path(Exchange& ex, const PublicProgramme& p) {
    const auto* s = programme::listed_session(p.sessions, ex.params.text("code"));
    if (!s) throw http::not_found(say("programme.public.no_such_session"));
    return *s;
}

nlohmann::json listed_json(const PublicProgramme& p, const programme::ListedSession& s, bool full) {
    const auto& session = s.session;
    nlohmann::json room = {{"name", s.room}};
    if (auto r = p.rooms.find(s.room); r != p.rooms.end())
        room.update({{"capacity", r->second.capacity},
                     {"features", r->second.features},
                     {"languages", r->second.languages},
                     {"offers", features_words(r->second)}});
    nlohmann::json people = nlohmann::json::array();
    for (const auto& person : session.people)
        people.push_back(
            {{"name", person.name}, {"role", person.role}, {"online", !person.onsite}});
    auto type = p.type_names.find(session.session_type);
    nlohmann::json out = {{"code", session.code},
                          {"title", session.title},
                          {"type", session.session_type},
                          {"type_name", type != p.type_names.end()
                                            ? type->second
                                            : code_label("programme.type.", session.session_type)},
                          {"theme", session.theme},
                          {"tags", session.tags},
                          {"room", room},
                          {"day", s.day()},
                          {"start", s.slot.start},
                          {"end", s.end},
                          {"start_utc", utc_of(*p.clock, s.slot.start)},
                          {"end_utc", utc_of(*p.clock, s.end)},
                          {"duration", session.duration},
                          {"people", people},
                          {"marks", session.marks},
                          {"url", edition_url(p.edition, "/programme/" + session.code)}};
    if (full) out["description"] = session.description;
    return out;
}

std::set<SessionId> reader_marks(Exchange& ex, EditionId edition) {
    if (!ex.account()) return {};
    auto marked = store::attending(ex.db(), ex.account()->id, edition);
    return {marked.begin(), marked.end()};
}

int set_reader_attendance(Exchange& ex, EditionId edition, const programme::ListedSession& s,
                          bool attending) {
    const auto& account = ex.require_sign_in();
    store::set_attendance(ex.db(), account.id, s.session.id, attending, ex.now());
    auto now = store::programme_session(ex.db(), edition, s.session.id);
    return now ? now->marks : 0;
}

nlohmann::json agenda_json(Exchange& ex, const PublicProgramme& p) {
    const auto& account = ex.require_sign_in();
    auto marks = reader_marks(ex, p.edition.id);
    auto own = store::own_sessions(ex.db(), account.id, p.edition.id);
    std::vector<const programme::ListedSession*> chosen;
    for (const auto& s : p.sessions)
        if (marks.count(s.session.id) || own.count(s.session.id)) chosen.push_back(&s);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto* s : chosen) {
        auto part = own.find(s->session.id);
        auto j = listed_json(p, *s, false);
        j["attending"] = marks.count(s->session.id) > 0;
        j["roles"] = part == own.end() ? nlohmann::json::array() : nlohmann::json(part->second);
        nlohmann::json clashes = nlohmann::json::array();
        for (const auto* other : chosen)  // venue-local times of one format compare as text
            if (other != s && other->slot.start < s->end && s->slot.start < other->end)
                clashes.push_back(other->session.code);
        j["clashes"] = clashes;
        sessions.push_back(std::move(j));
    }
    return {{"edition", p.edition.id},
            {"time_zone", p.edition.time_zone},
            {"sessions", sessions},
            {"calendar", edition_url(p.edition, "/agenda/calendar")}};
}

}  // namespace convene::web
