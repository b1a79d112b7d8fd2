#pragma once
// A session's report as the forum files it: a short report with up to three key messages
// within hours of the session's end, and the full report (the edition's template fields,
// the speakers, the gender report card) within two weeks. A report filed after its
// deadline is taken, marked late and counted so. Pure: times are stored UTC text.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene::reports {

inline constexpr std::size_t max_key_messages = 3;
inline constexpr std::size_t max_template_fields = 12;
inline constexpr int max_word_limit = 5000;

// One field of the full report's template: its key, the label the form shows, a hint and
// the most words it takes (0: no limit).
struct TemplateField {
    std::string key;
    std::string label;
    std::string hint;
    int word_limit = 0;
    bool operator==(const TemplateField&) const = default;
};

// What the Secretariat sets per edition.
struct ReportSettings {
    std::vector<TemplateField> fields;
    int key_message_words = 60;    // the most words of one key message
    int short_hours = 12;          // the short report is due this many hours after the end
    int full_days = 14;            // the full report, this many days after
    int short_reminder_hours = 2;  // a reminder this many hours before the short report's deadline
    int full_reminder_days = 3;    // and this many days before the full report's
    int speakers_words = 600;
};

// The 2015 template: key issues, one paragraph per presentation, discussions, way forward.
ReportSettings default_settings();
// Reads the settings object (every member optional: defaults); throws InputError naming
// the member ("fields[1].word_limit", "short_hours").
ReportSettings settings_from_json(const nlohmann::json& j);
nlohmann::json to_json(const ReportSettings& s);

// The gender report card's answers.
const std::vector<std::string>& women_present_codes();     // none ... more_than_half
const std::vector<std::string>& gender_discussed_codes();  // not_raised, mentioned, main_topic

struct ShortReport {
    std::vector<std::string> key_messages;
    bool operator==(const ShortReport&) const = default;
};

struct FullReport {
    std::map<std::string, std::string> fields;  // by template key, Markdown
    std::string speakers;                       // one per line
    std::string women_present;                  // a code of women_present_codes() or ""
    std::string gender_discussed;
    bool operator==(const FullReport&) const = default;
};

nlohmann::json to_json(const ShortReport& r);
nlohmann::json to_json(const FullReport& r);
// Stored documents and API bodies; throws InputError naming a mistyped member.
ShortReport short_from_json(const nlohmann::json& j);
FullReport full_from_json(const nlohmann::json& j);

// Limits broken ("key_messages", "key_messages[2]", "fields.discussions", "speakers",
// "women_present"). `filing` also asks for what a filed report must have: a key message;
// the card's two answers and some text.
FieldErrors check_short(const ShortReport& r, const ReportSettings& s, bool filing);
FieldErrors check_full(const FullReport& r, const ReportSettings& s, bool filing);

// When each report is due, from the session's end (UTC "...Z"); "" when the end is unknown.
struct Deadlines {
    std::string short_due, full_due;
};
Deadlines deadlines(const std::string& session_end_utc, const ReportSettings& s);

// Where a report stands: "filed" (on time), "late" (filed after its deadline), "missing"
// (not filed and the deadline passed) or "due" (not filed, still time).
std::string filing_status(const std::optional<std::string>& filed_at, const std::string& due,
                          const std::string& now);
// The same with the lateness recorded when it was filed (the timetable may move later).
std::string filing_status(const std::optional<std::string>& filed_at, bool filed_late,
                          const std::string& due, const std::string& now);
// For the screening rule of the next edition: false when the full report came after its
// deadline or is missing (with no `now`, a report not filed is missing).
bool full_report_in_time(const std::optional<std::string>& filed_at, bool filed_late,
                         const std::string& due, const std::string& now);

// How many reports stand where, for the compliance page (per session type, per organiser).
struct Tally {
    int filed = 0, late = 0, missing = 0, due = 0;
    void add(const std::string& status);  // a filing_status()
    int total() const { return filed + late + missing + due; }
};

// The speakers list a new full report starts with: the session's people (name and role
// words), then those who spoke from the live room's queue and are not already listed.
struct NamedRole {
    std::string name;
    std::string role;  // words, as the form shows them
};
std::string prefilled_speakers(const std::vector<NamedRole>& session_people,
                               const std::vector<std::string>& queue_speakers,
                               const std::string& from_the_floor);

// The speaking queue's measured figures beside the card's estimate: turns and distinct
// speakers, and how many of each were women (gender as stated, or of the linked person).
struct QueueTurn {
    std::string person;  // the queue's stable key
    std::string gender;  // "woman", "man", ... or "" when unknown
};
struct QueueGender {
    int turns = 0, women_turns = 0, unknown_turns = 0;
    int speakers = 0, women_speakers = 0, unknown_speakers = 0;
    // Percent of turns and speakers whose gender is known that were women; -1 when none.
    int women_turns_percent() const;
    int women_speakers_percent() const;
};
QueueGender queue_gender(const std::vector<QueueTurn>& turns);

}  // namespace convene::reports
