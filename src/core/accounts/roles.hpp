#pragma once
// What an account may do. A role is held for one edition, or for all of them
// when no edition is named (the Secretariat's admin role usually is).
#include <optional>
#include <string_view>

namespace convene {

enum class Role { admin, evaluator, chair, captioner, proposer };

std::string_view role_name(Role role);                  // "evaluator"
std::string_view role_label(Role role);                 // "MAG member (evaluator)"
std::optional<Role> parse_role(std::string_view name);  // nullopt when unknown

inline constexpr Role all_roles[] = {Role::admin, Role::evaluator, Role::chair, Role::captioner,
                                     Role::proposer};

}  // namespace convene
