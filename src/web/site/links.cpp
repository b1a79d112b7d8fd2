#include "web/site/links.hpp"

#include "http/error.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {
std::string at(std::string text, const std::string& when) {
    auto where = text.find("{at}");
    if (where != std::string::npos) text.replace(where, 4, when);
    return text;
}
}  // namespace

void require_usable_link(Exchange& ex, bool found, const std::string& used_at,
                         const std::string& expires_at, const LinkWords& words) {
    if (!found) throw http::not_found(words.unknown);
    if (!used_at.empty()) throw http::Error(410, "Link already used", at(words.used, used_at));
    if (ex.now() >= expires_at)
        throw http::Error(410, "Link expired", at(words.expired, expires_at));
}

}  // namespace convene::web
