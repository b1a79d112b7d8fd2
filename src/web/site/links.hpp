#pragma once
// Links sent by mail that grant something (confirmations, invitations, enrolments):
// single use and expiring. One check for all of them, in the words of each kind.
#include <string>

namespace convene::web {

class Exchange;

// Message keys of data/messages/en.json.
struct LinkWords {
    std::string unknown;  // 404: no such link
    std::string used;     // 410: {{at}} stands for when it was used
    std::string expired;  // 410: {{at}} stands for when it expired
};

// Throws 404 when the link was not found, 410 when it was used (`used_at` not empty) or
// its time (`expires_at`, UTC) has come on the server's clock.
void require_usable_link(Exchange& ex, bool found, const std::string& used_at,
                         const std::string& expires_at, const LinkWords& words);

}  // namespace convene::web
