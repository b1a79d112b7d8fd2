#pragma once
// The attributes the forum balances: stakeholder group and gender of people.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene {

struct Choice {
    std::string_view code;
    std::string_view label;
};

// Government, Private Sector, Civil Society, Technical Community,
// Intergovernmental Organisation, Academia, Youth.
const std::vector<Choice>& stakeholder_groups();
// Self-described and optional: woman, man, non-binary, self-described, not given.
const std::vector<Choice>& genders();

bool is_choice(const std::vector<Choice>& choices, std::string_view code);
std::string_view choice_label(const std::vector<Choice>& choices, std::string_view code);

// A person as typed on a form or in JSON, before it is stored.
struct PersonDraft {
    std::string name;
    std::string email;  // optional
    std::string organisation;
    std::string country;  // ISO alpha-2 or empty
    std::string stakeholder_group;
    std::string gender;  // optional
    bool first_time = false;
};

FieldErrors validate_person(const PersonDraft& person, bool email_required);

}  // namespace convene
