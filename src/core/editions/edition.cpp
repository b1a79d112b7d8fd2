#include "core/editions/edition.hpp"

#include "core/common/text.hpp"

namespace convene {

FieldErrors validate_edition(const EditionDraft& e) {
    FieldErrors errors;
    if (auto err = check_text({"name", "Name", true, 120}, e.name)) errors.push_back(*err);
    if (auto err = check_text({"venue", "Venue", true, 200}, e.venue)) errors.push_back(*err);
    auto year = trim(e.year);
    bool year_ok = year.size() == 4 && year.find_first_not_of("0123456789") == year.npos &&
                   std::stoi(year) >= 2000 && std::stoi(year) <= 2100;
    if (!year_ok) errors.push_back({"year", "Year must be a number such as 2027."});
    bool start_ok = is_iso_date(e.start_date), end_ok = is_iso_date(e.end_date);
    if (!start_ok)
        errors.push_back({"start_date", "Start date must be a date such as 2027-06-15."});
    if (!end_ok) errors.push_back({"end_date", "End date must be a date such as 2027-06-18."});
    if (start_ok && end_ok && e.end_date < e.start_date)
        errors.push_back({"end_date", "End date must not be before the start date."});
    if (!looks_like_time_zone(e.time_zone))
        errors.push_back({"time_zone", "Time zone must be a name such as Europe/Paris or UTC."});
    return errors;
}

FieldErrors validate_theme(const ThemeDraft& t) {
    FieldErrors errors;
    if (auto err = check_text({"name", "Theme name", true, 120}, t.name)) errors.push_back(*err);
    if (auto err = check_text({"description", "Description", false, 2000, true}, t.description))
        errors.push_back(*err);
    return errors;
}

const std::vector<SessionType>& standard_session_types() {
    static const std::vector<SessionType> all = {
        {"workshop", "Workshop", {60, 90}},
        {"open_forum", "Open forum", {30, 60}},
        {"dc_session", "Dynamic coalition session", {60, 90}},
        {"bpf_session", "Best practice forum session", {60, 90}},
        {"nri_session", "NRI collaborative session", {60, 90}},
        {"main_session", "Main session", {80, 90, 180}},
        {"town_hall", "Town hall", {60}},
        {"lightning_talk", "Lightning talk", {20}},
        {"day0_event", "Day 0 event", {60, 90, 120}},
    };
    return all;
}

}  // namespace convene
