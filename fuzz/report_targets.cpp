// Session reports from outside: the report template and deadlines the Secretariat sends,
// and the short and full report a rapporteur sends. Each refuses bad input with
// InputError naming the member, never more; the checks of limits never throw.
#include <stdexcept>

#include "core/common/json_input.hpp"
#include "core/reports/report.hpp"
#include "fuzz/target.hpp"

namespace {

template <typename Read>
void read_report_json(const std::uint8_t* data, std::size_t size, Read read) {
    nlohmann::json j;
    try {
        j = convene::parse_json_input(convene::fuzz::text(data, size));
    } catch (const convene::JsonInputError&) {
        return;
    }
    try {
        read(j);
    } catch (const std::invalid_argument&) {  // InputError: the member at fault named
    }
}

}  // namespace

CONVENE_FUZZ_TARGET(report_settings, {R"({"short_hours": 6, "full_days": 14,
  "key_message_words": 40, "fields": [{"key": "key_issues", "label": "Key issues",
  "hint": "One sentence each", "word_limit": 300}, {"label": "Other", "word_limit": null}]})"}) {
    read_report_json(data, size, [](const nlohmann::json& j) {
        auto s = convene::reports::settings_from_json(j);
        (void)convene::reports::settings_from_json(convene::reports::to_json(s));
        (void)convene::reports::deadlines("2031-06-02T10:00:00Z", s);
    });
}

CONVENE_FUZZ_TARGET(session_report, {R"({"key_messages": ["One", "Two"],
  "fields": {"key_issues": "**Bold** issues", "discussions": "- a\n- b"},
  "speakers": "Ana Lima\nBen Okafor", "women_present": "about_half",
  "gender_discussed": "mentioned"})"}) {
    read_report_json(data, size, [](const nlohmann::json& j) {
        auto s = convene::reports::default_settings();
        if (j.is_object() && j.contains("key_messages"))
            (void)convene::reports::check_short(convene::reports::short_from_json(j), s, true);
        auto copy = j;
        if (copy.is_object()) copy.erase("key_messages");
        (void)convene::reports::check_full(convene::reports::full_from_json(copy), s, true);
    });
}
