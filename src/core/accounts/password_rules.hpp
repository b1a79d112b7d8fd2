#pragma once
// What makes a password acceptable: at least 10 characters, at most 1000 bytes, valid
// UTF-8, and not one of the passwords people choose first (nor such a word with digits
// or symbols around it), not the e-mail address, its local part or the person's name,
// and not a run of one character or a keyboard or counting sequence.
#include <optional>
#include <string_view>

#include "core/common/field_error.hpp"

namespace convene {

// nullopt when acceptable; else an error naming the field "password".
std::optional<FieldError> check_password(std::string_view password, std::string_view email,
                                         std::string_view name);

}  // namespace convene
