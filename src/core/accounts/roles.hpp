#pragma once
// What an account may do. A role is held for one edition, or for all of them
// when no edition is named (the Secretariat's admin role usually is).
#include <optional>
#include <string_view>

namespace convene {

// Chairs, captioners and rapporteurs arrive with the live rooms and reports.
enum class Role { admin, evaluator, proposer };

std::string_view role_name(Role role);                  // "evaluator"
std::string_view role_label(Role role);                 // "MAG member (evaluator)"
std::optional<Role> parse_role(std::string_view name);  // nullopt when unknown

inline constexpr Role all_roles[] = {Role::admin, Role::evaluator, Role::proposer};

}  // namespace convene
