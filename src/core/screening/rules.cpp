#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/screening/screening.hpp"

namespace convene {

namespace {

// A count from 0 to 100,000: larger ones (4294967297 read as an int was 1) are refused.
int int_setting(const nlohmann::json& v, const std::string& name) {
    if (v.is_null() || (v.is_boolean() && !v.get<bool>())) return 0;
    constexpr std::int64_t largest = 100000;
    bool count = v.is_number_unsigned()
                     ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(largest)
                     : v.is_number_integer() && v.get<std::int64_t>() >= 0 &&
                           v.get<std::int64_t>() <= largest;
    if (!count)
        throw InputError("screening." + name,
                         say("screening.setting.not_count", {{"name", "screening." + name}}));
    return static_cast<int>(v.get<std::int64_t>());
}

bool bool_setting(const nlohmann::json& v, const std::string& name) {
    if (v.is_null()) return false;
    if (!v.is_boolean())
        throw InputError("screening." + name,
                         say("screening.setting.not_bool", {{"name", "screening." + name}}));
    return v.get<bool>();
}

}  // namespace

ScreeningRules screening_rules_from_json(const nlohmann::json& s) {
    if (!s.is_object()) throw InputError("screening", say("screening.rules.not_object"));
    ScreeningRules r;
    for (const auto& [name, v] : s.items()) {
        if (name == "min_confirmed_speakers")
            r.min_confirmed_speakers = int_setting(v, name);
        else if (name == "speaker_confirmation") {
            if (!v.is_string() || (v != "declared" && v != "own_answer"))
                throw InputError("screening.speaker_confirmation",
                                 say("screening.speaker_confirmation.unknown"));
            r.speaker_confirmation = v.get<std::string>();
        } else if (name == "max_proposals_per_person")
            r.max_proposals_per_person = int_setting(v, name);
        else if (name == "max_proposals_per_institution")
            r.max_proposals_per_institution = int_setting(v, name);
        else if (name == "mag_members_excluded")
            r.mag_members_excluded = bool_setting(v, name);
        else if (name == "previous_report_required")
            r.previous_report_required = bool_setting(v, name);
        else if (name == "report_lookback_editions")
            r.report_lookback_editions = int_setting(v, name);
        else if (name == "require_gender_diversity")
            r.require_gender_diversity = bool_setting(v, name);
        else if (name == "min_onsite_speakers")
            r.min_onsite_speakers = int_setting(v, name);
        else if (name == "require_onsite_moderator")
            r.require_onsite_moderator = bool_setting(v, name);
        else if (name == "require_online_moderator")
            r.require_online_moderator = bool_setting(v, name);
        else if (name == "check_completeness")
            r.check_completeness = bool_setting(v, name);
        else if (name == "required_fields") {
            if (!v.is_object())
                throw InputError("screening.required_fields",
                                 say("screening.required_fields.not_object"));
            for (const auto& [type, fields] : v.items()) {
                if (!fields.is_array())
                    throw InputError("screening.required_fields." + type,
                                     say("json.member_not_list",
                                         {{"name", "screening.required_fields." + type}}));
                for (const auto& f : fields)
                    r.required_fields[type].push_back(f.get<std::string>());
            }
        } else {
            throw InputError("screening." + name,
                             say("screening.rule.unknown", {{"name", "screening." + name}}));
        }
    }
    return r;
}

nlohmann::json to_json(const ScreeningRules& r) {
    return {{"min_confirmed_speakers", r.min_confirmed_speakers},
            {"speaker_confirmation", r.speaker_confirmation},
            {"max_proposals_per_person", r.max_proposals_per_person},
            {"max_proposals_per_institution", r.max_proposals_per_institution},
            {"mag_members_excluded", r.mag_members_excluded},
            {"previous_report_required", r.previous_report_required},
            {"report_lookback_editions", r.report_lookback_editions},
            {"require_gender_diversity", r.require_gender_diversity},
            {"min_onsite_speakers", r.min_onsite_speakers},
            {"require_onsite_moderator", r.require_onsite_moderator},
            {"require_online_moderator", r.require_online_moderator},
            {"check_completeness", r.check_completeness},
            {"required_fields", r.required_fields}};
}

}  // namespace convene
