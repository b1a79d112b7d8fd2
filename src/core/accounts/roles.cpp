#include "core/accounts/roles.hpp"

namespace convene {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::admin:
            return "admin";
        case Role::evaluator:
            return "evaluator";
        case Role::chair:
            return "chair";
        case Role::captioner:
            return "captioner";
        case Role::proposer:
            return "proposer";
    }
    return "proposer";
}

std::string_view role_label(Role role) {
    switch (role) {
        case Role::admin:
            return "Secretariat (admin)";
        case Role::evaluator:
            return "MAG member (evaluator)";
        case Role::chair:
            return "MAG chair";
        case Role::captioner:
            return "Captioner";
        case Role::proposer:
            return "Proposer";
    }
    return "Proposer";
}

std::optional<Role> parse_role(std::string_view name) {
    for (Role r : all_roles)
        if (role_name(r) == name) return r;
    return std::nullopt;
}

}  // namespace convene
