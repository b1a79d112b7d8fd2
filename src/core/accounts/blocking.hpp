#pragma once
// Why an account is blocked or unblocked: the Secretariat must say, in at most 1,000
// characters of text (valid UTF-8, lines allowed, no other control characters), so that
// whoever reads the account's history later knows.
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/common/field_error.hpp"

namespace convene {

inline constexpr std::size_t most_block_reason_characters = 1000;

// nullopt when acceptable; else an error naming the field "reason".
std::optional<FieldError> check_block_reason(std::string_view reason);

}  // namespace convene
