#pragma once
// The call for session proposals of an edition: when it opens and closes (UTC), which
// session types it offers, the formats with their durations, the preset tags, policy
// questions and SDGs, and the limits of the form's text fields.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene {

struct SessionFormat {
    std::string code;            // "panel"
    std::string name;            // "Panel"
    std::vector<int> durations;  // allowed minutes
};

struct TextLimits {
    int title_characters = 100;
    int description_words = 250;
    int text_words = 500;          // agenda, expected outcomes and the other long fields
    int text_characters = 5000;    // any long field, whatever its words
    int max_people_per_role = 20;  // speakers, organisers, ...
};

struct Call {
    std::string opens_at;   // UTC, "2027-02-01T00:00:00Z"; empty: not set
    std::string closes_at;  // UTC; a save or submit at or after this instant is refused
    std::vector<std::string> session_types;  // codes of standard_session_types()
    std::vector<SessionFormat> formats;
    std::vector<std::string> tags, policy_questions, sdgs;
    TextLimits limits;
};

// The standard formats: flash session and birds of a feather 30 minutes only, the
// others 60 or 90.
const std::vector<SessionFormat>& standard_formats();
// "SDG 1: No poverty" ... "SDG 17: Partnerships for the goals".
const std::vector<std::string>& sustainable_development_goals();

// A call with the standard types, formats and SDGs and no dates.
Call standard_call();

enum class CallState { not_scheduled, not_yet_open, open, closed };
CallState call_state(const Call& call, const std::string& now_utc);
std::string_view call_state_code(CallState state);  // "open", "closed", ...
// "The call for proposals closed on 2027-04-15 at 23:59:59 UTC." and the like.
// Times in the venue's `zone` (IANA) and UTC.
std::string call_state_sentence(const Call& call, CallState state, std::string_view zone);

// Reads the JSON shape (members left out keep their standard values); errors name
// the member at fault ("closes_at", "formats[1].durations").
Call call_from_json(const nlohmann::json& j, FieldErrors& errors);
nlohmann::json to_json(const Call& call);
FieldErrors validate_call(const Call& call);

const SessionFormat* find_format(const Call& call, const std::string& code);
// What a reader sees for a format or session type: the call's name, the standard one, or
// the code's own words ("flash_session" -> "Flash session"), never the bare code.
std::string format_label(const Call& call, const std::string& code);
std::string session_type_label(const std::string& code);
bool offers_session_type(const Call& call, const std::string& code);

// Normalises "2027-04-15 23:59", "2027-04-15T23:59Z" and the like to
// "2027-04-15T23:59:00Z"; empty when the text is not such a time.
std::string normalise_utc(std::string_view text);

}  // namespace convene
