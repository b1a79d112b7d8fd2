// The programme as conference apps read it: frab's schedule.xml and the c3voc schedule
// JSON (the same days, rooms and events; times venue-local with the venue's offset).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "core/programme/feeds.hpp"
#include "core/programme/venue.hpp"

namespace convene::programme {

namespace {

// The events' language: the catalog's.
constexpr const char* language = "en";

std::string xml_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                // XML 1.0 allows no control character but tab, newline and return.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    break;
                out += c;
        }
    }
    return out;
}

std::string hours_minutes(int minutes) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

// Text in Latin letters without accents ("Jūratė" -> "Jurate", "Дети" -> "Deti"),
// through ICU's transliterators (one a thread); the text unchanged when ICU has none.
std::string ascii_letters(const std::string& text) {
    thread_local const std::unique_ptr<icu::Transliterator> latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (!latin) return text;
    auto u = icu::UnicodeString::fromUTF8(text);
    latin->transliterate(u);
    std::string out;
    return u.toUTF8String(out);
}

// "regional_igf_demo_2027-ws12-children-s-rights-online": lower-case letters, digits,
// '-' and '_', ending with a letter or digit, unique by the session's code.
std::string slug(const std::string& acronym, const FeedSession& s) {
    std::string words;
    for (unsigned char c : ascii_letters(s.code + " " + s.title)) {
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            words += static_cast<char>(c);
        else if (!words.empty() && words.back() != '-')
            words += '-';
        if (words.size() >= 60) break;
    }
    while (!words.empty() && words.back() == '-') words.pop_back();
    return acronym + "-" + (words.empty() ? "session-" + to_string(s.id) : words);
}

struct Day {
    std::string date;
    // Rooms in the venue's order, each with its sessions by start.
    std::vector<std::pair<std::string, std::vector<const FeedSession*>>> rooms;
};

std::vector<Day> days_of(const PublishedProgramme& p) {
    std::set<std::string> dates;
    for (const auto& d : edition_days(p.first_day, p.last_day)) dates.insert(d);
    for (const auto& s : p.sessions)
        if (!s.cancelled) dates.insert(s.start.substr(0, 10));
    std::vector<Day> days;
    for (const auto& date : dates) {
        Day day{date, {}};
        for (const auto& r : p.rooms) {
            std::vector<const FeedSession*> here;
            for (const auto& s : p.sessions)
                if (!s.cancelled && s.room == r.id && s.start.substr(0, 10) == date)
                    here.push_back(&s);
            if (!here.empty()) day.rooms.emplace_back(r.name, std::move(here));
        }
        days.push_back(std::move(day));
    }
    return days;
}

std::string track_of(const FeedSession& s) {
    return s.theme.empty() ? s.type_name : s.theme;
}

// Each person once, though they organise and speak.
std::vector<FeedPerson> persons_of(const FeedSession& s) {
    std::vector<FeedPerson> out;
    std::set<PersonId> seen;
    for (const auto& p : s.people)
        if (seen.insert(p.id).second) out.push_back(p);
    return out;
}

}  // namespace

std::string schedule_xml(const PublishedProgramme& p, const std::string& host) {
    auto acronym = schedule_acronym(p.name);
    auto days = days_of(p);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n";
    out += "  <version>" + xml_text(p.version.empty() ? "0" : p.version) + "</version>\n";
    out += "  <conference>\n";
    out += "    <title>" + xml_text(p.name) + "</title>\n";
    out += "    <acronym>" + acronym + "</acronym>\n";
    if (!days.empty()) {
        out += "    <start>" + days.front().date + "</start>\n";
        out += "    <end>" + days.back().date + "</end>\n";
    }
    out += "    <days>" + std::to_string(days.size()) + "</days>\n";
    out += "    <timeslot_duration>" + hours_minutes(p.granularity) + "</timeslot_duration>\n";
    out += "  </conference>\n";
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& day = days[i];
        out += "  <day index=\"" + std::to_string(i + 1) + "\" date=\"" + day.date + "\" start=\"" +
               iso_with_offset(p.time_zone, day.date + "T00:00").value_or("") + "\" end=\"" +
               iso_with_offset(p.time_zone, day.date + "T23:59").value_or("") + "\">\n";
        for (const auto& [room, sessions] : day.rooms) {
            out += "    <room name=\"" + xml_text(room) + "\">\n";
            for (const auto* s : sessions) {
                auto uid = session_uid(s->id, host);
                out += "      <event id=\"" + to_string(s->id) + "\" guid=\"" + session_uuid(uid) +
                       "\">\n";
                out += "        <date>" + iso_with_offset(p.time_zone, s->start).value_or("") +
                       "</date>\n";
                out += "        <start>" + s->start.substr(11, 5) + "</start>\n";
                out += "        <duration>" + hours_minutes(s->duration) + "</duration>\n";
                out += "        <room>" + xml_text(room) + "</room>\n";
                out += "        <slug>" + slug(acronym, *s) + "</slug>\n";
                out += "        <title>" + xml_text(s->title) + "</title>\n";
                out += "        <subtitle>" + xml_text(s->code) + "</subtitle>\n";
                out += "        <track>" + xml_text(track_of(*s)) + "</track>\n";
                out += "        <type>" + xml_text(s->type) + "</type>\n";
                out += "        <language>" + std::string(language) + "</language>\n";
                out += "        <abstract>" + xml_text(s->description) + "</abstract>\n";
                out += "        <description>" + xml_text(s->description) + "</description>\n";
                out += "        <persons>\n";
                for (const auto& person : persons_of(*s))
                    out += "          <person id=\"" + to_string(person.id) + "\">" +
                           xml_text(person.name) + "</person>\n";
                out += "        </persons>\n";
                out += "        <links>\n";
                if (!s->url.empty())
                    out += "          <link href=\"" + xml_text(s->url) + "\">" +
                           xml_text(s->code) + "</link>\n";
                out += "        </links>\n";
                out += "      </event>\n";
            }
            out += "    </room>\n";
        }
        out += "  </day>\n";
    }
    out += "</schedule>\n";
    return out;
}

std::string schedule_json(const PublishedProgramme& p, const std::string& host) {
    using Json = nlohmann::ordered_json;
    auto acronym = schedule_acronym(p.name);
    auto days = days_of(p);
    Json rooms = Json::array(), tracks = Json::array(), day_list = Json::array();
    for (const auto& r : p.rooms)
        rooms.push_back({{"name", r.name},
                         {"guid", session_uuid("room-" + to_string(r.id) + "@" + host)},
                         {"capacity", r.capacity}});
    std::set<std::string> track_names;
    for (const auto& s : p.sessions)
        if (!s.cancelled) track_names.insert(track_of(s));
    for (const auto& t : track_names) tracks.push_back({{"name", t}});
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& day = days[i];
        Json day_rooms = Json::object();
        for (const auto& [room, sessions] : day.rooms) {
            Json events = Json::array();
            for (const auto* s : sessions) {
                Json persons = Json::array();
                for (const auto& person : persons_of(*s))
                    persons.push_back({{"id", person.id.value()}, {"name", person.name}});
                Json links = Json::array();
                if (!s->url.empty()) links.push_back({{"url", s->url}, {"title", s->code}});
                events.push_back({{"guid", session_uuid(session_uid(s->id, host))},
                                  {"id", s->id.value()},
                                  {"date", iso_with_offset(p.time_zone, s->start).value_or("")},
                                  {"start", s->start.substr(11, 5)},
                                  {"duration", hours_minutes(s->duration)},
                                  {"room", room},
                                  {"slug", slug(acronym, *s)},
                                  {"url", s->url},
                                  {"title", s->title},
                                  {"subtitle", s->code},
                                  {"track", track_of(*s)},
                                  {"type", s->type},
                                  {"language", language},
                                  {"abstract", s->description},
                                  {"description", s->description},
                                  {"persons", persons},
                                  {"links", links},
                                  {"attachments", Json::array()}});
            }
            day_rooms[room] = events;
        }
        day_list.push_back(
            {{"index", i + 1},
             {"date", day.date},
             {"day_start", iso_with_offset(p.time_zone, day.date + "T00:00").value_or("")},
             {"day_end", iso_with_offset(p.time_zone, day.date + "T23:59").value_or("")},
             {"rooms", day_rooms}});
    }
    Json conference = {{"acronym", acronym},
                       {"title", p.name},
                       {"start", days.empty() ? p.first_day : days.front().date},
                       {"end", days.empty() ? p.last_day : days.back().date},
                       {"daysCount", days.size()},
                       {"timeslot_duration", hours_minutes(p.granularity)},
                       {"time_zone_name", p.time_zone}};
    if (!p.url.empty()) conference["url"] = p.url;
    conference["rooms"] = rooms;
    conference["tracks"] = tracks;
    conference["days"] = day_list;
    Json schedule = {{"version", p.version.empty() ? "0" : p.version},
                     {"base_url", p.base_url + "/"},
                     {"conference", conference}};
    Json doc = {{"$schema", "https://c3voc.de/schedule/schema.json"},
                {"generator", {{"name", "Convene"}}},
                {"schedule", schedule}};
    return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace convene::programme
