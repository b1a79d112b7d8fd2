#include "core/programme/planning.hpp"

#include <algorithm>
#include <cctype>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/programme/local_time.hpp"

namespace convene::programme {

namespace {

bool on_days(const std::string& local, const std::string& first_day, const std::string& last_day) {
    auto day = local.substr(0, 10);
    return day >= first_day && day <= last_day;
}

}  // namespace

bool known_session_role(const std::string& role) {
    static const std::vector<std::string> roles = {"organiser", "speaker", "moderator",
                                                   "online_moderator", "rapporteur"};
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

FieldErrors check_created_session(const ProgrammeSession& s, const std::string& first_day,
                                  const std::string& last_day) {
    FieldErrors errors;
    if (s.code.empty() || s.code.size() > 12 ||
        !std::all_of(s.code.begin(), s.code.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0; }))
        errors.push_back({"code", say("planning.code")});
    if (auto err = check_text({"title", say("planning.field.title"), true, 200}, s.title))
        errors.push_back(*err);
    if (s.session_type.empty() || s.session_type.size() > 40)
        errors.push_back({"session_type", say("planning.session_type")});
    if (s.duration < 10 || s.duration > 480)
        errors.push_back({"duration", say("planning.duration")});
    for (const auto& need : s.needs)
        if (std::find(room_features().begin(), room_features().end(), need) ==
            room_features().end())
            errors.push_back({"needs", say("venue.room.feature", {{"feature", need}})});
    if (s.demand < 0 || s.demand > 100000) errors.push_back({"demand", say("planning.demand")});
    if (s.fixed) {
        if (!parse_local_time(s.fixed->start))
            errors.push_back({"fixed_start", say("timetable.start_not_time")});
        else if (!on_days(s.fixed->start, first_day, last_day))
            errors.push_back({"fixed_start", say("timetable.start_outside_days",
                                                 {{"first", first_day}, {"last", last_day}})});
    }
    for (const auto& p : s.people)
        if (!known_session_role(p.role))
            errors.push_back({"people", say("planning.role", {{"role", p.role}})});
    return errors;
}

FieldErrors check_unavailable(const PersonUnavailable& u, const std::string& first_day,
                              const std::string& last_day) {
    FieldErrors errors;
    auto start = parse_local_time(u.start), end = parse_local_time(u.end);
    if (!start) errors.push_back({"start", say("timetable.start_not_time")});
    if (!end) errors.push_back({"end", say("timetable.start_not_time")});
    if (start && end && *end <= *start)
        errors.push_back({"end", say("planning.ends_before_start")});
    if (start && !on_days(u.start, first_day, last_day))
        errors.push_back({"start", say("timetable.start_outside_days",
                                       {{"first", first_day}, {"last", last_day}})});
    return errors;
}

FieldErrors check_time_zone(const std::string& zone) {
    if (zone.empty() || (zone.size() <= 60 && known_time_zone(zone))) return {};
    return {{"time_zone", say("planning.time_zone", {{"zone", shortened(zone, 60)}})}};
}

}  // namespace convene::programme
