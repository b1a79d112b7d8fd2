#include "core/accounts/roles.hpp"

#include "core/common/messages.hpp"

namespace convene {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::admin:
            return "admin";
        case Role::evaluator:
            return "evaluator";
        case Role::proposer:
            return "proposer";
    }
    return "proposer";
}

std::string_view role_label(Role role) {
    switch (role) {
        case Role::admin:
            return say_label("role.admin");
        case Role::evaluator:
            return say_label("role.evaluator");
        case Role::proposer:
            return say_label("role.proposer");
    }
    return say_label("role.proposer");
}

std::optional<Role> parse_role(std::string_view name) {
    for (Role r : all_roles)
        if (role_name(r) == name) return r;
    return std::nullopt;
}

}  // namespace convene
