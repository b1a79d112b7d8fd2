#include "web/site/links.hpp"

#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

void require_usable_link(Exchange& ex, bool found, const std::string& used_at,
                         const std::string& expires_at, const LinkWords& words) {
    if (!found) throw http::not_found(say(words.unknown));
    if (!used_at.empty())
        throw http::Error(410, say("link.used"),
                          say(words.used, {{"at", stored_time(used_at, "UTC").text}}));
    if (ex.now() >= expires_at)
        throw http::Error(410, say("link.expired"),
                          say(words.expired, {{"at", stored_time(expires_at, "UTC").text}}));
}

}  // namespace convene::web
