#include "core/accounts/blocking.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

std::optional<FieldError> check_block_reason(std::string_view reason) {
    return check_text(
        {"reason", say("accounts.block.reason"), true, most_block_reason_characters, true}, reason);
}

}  // namespace convene
