#include "core/programme/session_settings.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/programme/venue.hpp"

namespace convene::programme {

std::vector<std::string> tags_from_text(const std::string& text) {
    std::vector<std::string> out;
    for (auto& tag : split_items(text, ","))
        if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
    return out;
}

std::string tags_text(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

namespace {

// True when following "after" links from `from` leads to `target`.
bool reaches(SessionId from, SessionId target,
             const std::map<SessionId, std::vector<SessionId>>& links, std::set<SessionId>& seen) {
    if (from == target) return true;
    if (!seen.insert(from).second) return false;
    auto at = links.find(from);
    if (at == links.end()) return false;
    for (auto next : at->second)
        if (reaches(next, target, links, seen)) return true;
    return false;
}

}  // namespace

FieldErrors check_session_settings(const ProgrammeSession& s,
                                   const std::vector<ProgrammeSession>& sessions,
                                   const std::string& first_day, const std::string& last_day,
                                   int granularity) {
    FieldErrors errors;
    if (s.duration < min_duration || s.duration > max_duration)
        errors.push_back({"duration", say("timetable.session.duration",
                                          {{"min", min_duration}, {"max", max_duration}})});
    const auto& known = room_features();
    for (const auto& need : s.needs)
        if (std::find(known.begin(), known.end(), need) == known.end())
            errors.push_back({"needs", say("venue.room.feature", {{"feature", need}})});
    if (s.demand < 0 || s.demand > max_demand)
        errors.push_back({"demand", say("timetable.session.demand", {{"max", max_demand}})});
    if (s.tags.size() > max_tags)
        errors.push_back({"tags", say("timetable.session.too_many_tags", {{"max", max_tags}})});
    for (const auto& tag : s.tags)
        if (auto err = check_text(
                {"tags", say("timetable.session.field.tags"), true, max_tag_characters}, tag)) {
            errors.push_back(*err);
            break;
        }
    if (s.fixed) {
        auto start = local_minutes(s.fixed->start);
        auto days = edition_days(first_day, last_day);
        if (!start)
            errors.push_back({"fixed_start", say("venue.window.not_a_time")});
        else if (std::find(days.begin(), days.end(), s.fixed->start.substr(0, 10)) == days.end())
            errors.push_back({"fixed_start", say("timetable.session.outside_days",
                                                 {{"first", first_day}, {"last", last_day}})});
        else if (granularity > 0 && (*start % 1440) % granularity != 0)
            errors.push_back(
                {"fixed_start", say("timetable.session.off_grid", {{"minutes", granularity}})});
    }
    if (s.after.size() > max_after)
        errors.push_back({"after", say("timetable.session.too_many_after", {{"max", max_after}})});
    std::map<SessionId, std::vector<SessionId>> links;
    std::map<SessionId, std::string> codes;
    for (const auto& other : sessions) {
        codes[other.id] = other.code;
        if (other.id != s.id) links[other.id] = other.after;
    }
    links[s.id] = s.after;
    for (auto a : s.after) {
        std::set<SessionId> seen;
        if (a == s.id) {
            errors.push_back(
                {"after", say("timetable.session.after_itself", {{"session", s.code}})});
        } else if (reaches(a, s.id, links, seen)) {
            errors.push_back({"after", say("timetable.session.after_circle",
                                           {{"session", s.code}, {"other", codes[a]}})});
        }
    }
    return errors;
}

}  // namespace convene::programme
