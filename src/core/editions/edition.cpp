#include "core/editions/edition.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"

namespace convene {

FieldErrors validate_edition(const EditionDraft& e) {
    FieldErrors errors;
    if (auto err = check_text({"name", say("field.name"), true, 120}, e.name))
        errors.push_back(*err);
    if (auto err = check_text({"venue", say("field.venue"), true, 200}, e.venue))
        errors.push_back(*err);
    auto year = trim(e.year);
    bool year_ok = year.size() == 4 && year.find_first_not_of("0123456789") == year.npos &&
                   std::stoi(year) >= 2000 && std::stoi(year) <= 2100;
    if (!year_ok) errors.push_back({"year", say("edition.year.malformed")});
    bool start_ok = is_iso_date(e.start_date), end_ok = is_iso_date(e.end_date);
    if (!start_ok) errors.push_back({"start_date", say("edition.start_date.malformed")});
    if (!end_ok) errors.push_back({"end_date", say("edition.end_date.malformed")});
    if (start_ok && end_ok && e.end_date < e.start_date)
        errors.push_back({"end_date", say("edition.end_date.before_start")});
    if (!looks_like_time_zone(e.time_zone))
        errors.push_back({"time_zone", say("edition.time_zone.malformed")});
    else if (!is_known_time_zone(e.time_zone))  // well-formed but not in ICU's zone data
        errors.push_back({"time_zone", say("edition.time_zone.unknown", {{"zone", e.time_zone}})});
    return errors;
}

FieldErrors validate_theme(const ThemeDraft& t) {
    FieldErrors errors;
    if (auto err = check_text({"name", say("field.theme_name"), true, 120}, t.name))
        errors.push_back(*err);
    if (auto err =
            check_text({"description", say("field.description"), false, 2000, true}, t.description))
        errors.push_back(*err);
    return errors;
}

const std::vector<SessionType>& standard_session_types() {
    static const std::vector<SessionType> all = {
        {"workshop", say("session_type.workshop"), {60, 90}},
        {"open_forum", say("session_type.open_forum"), {30, 60}},
        {"dc_session", say("session_type.dc_session"), {60, 90}},
        {"bpf_session", say("session_type.bpf_session"), {60, 90}},
        {"nri_session", say("session_type.nri_session"), {60, 90}},
        {"main_session", say("session_type.main_session"), {80, 90, 180}},
        {"town_hall", say("session_type.town_hall"), {60}},
        {"lightning_talk", say("session_type.lightning_talk"), {20}},
        {"day0_event", say("session_type.day0_event"), {60, 90, 120}},
    };
    return all;
}

}  // namespace convene
