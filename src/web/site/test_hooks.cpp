// Test hooks: only with CONVENE_TEST_HOOKS=1 in a build made with them (see the command
// line). POST /_test/clock {"advance_seconds": N} moves the server's clock forward or
// back; {"reset": true} puts it back, so tests can cross deadlines and expiries.
// POST /_test/wait {"milliseconds": N} is a long route that holds its thread that long,
// as a solver would, so tests can show that other connections are not held up.
#include <chrono>
#include <thread>

#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/handlers.hpp"

namespace convene::web {

http::Response test_clock(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object())
        throw http::unprocessable({{"advance_seconds", say("site.test_clock_object")}});
    if (body.value("reset", false) == true) {
        ex.app.reset_clock();
    } else {
        if (!body.contains("advance_seconds") || !body["advance_seconds"].is_number_integer() ||
            std::llabs(body["advance_seconds"].get<long long>()) > 10LL * 366 * 86400)
            throw http::unprocessable(
                {{"advance_seconds",
                  "advance_seconds must be a whole number of seconds within ten years."}});
        ex.app.move_clock(std::chrono::seconds(body["advance_seconds"].get<long long>()));
    }
    ex.app.invalidate_cache();
    return http::Response::json({{"now", ex.now()}});
}

http::Response test_wait(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    auto wait = body.is_object() ? body.find("milliseconds") : body.end();
    if (!body.is_object() || wait == body.end() || !wait->is_number_integer() ||
        wait->get<long long>() < 0 || wait->get<long long>() > 10000)
        throw http::unprocessable({{"milliseconds", say("site.test_wait_milliseconds")}});
    std::this_thread::sleep_for(std::chrono::milliseconds(wait->get<long long>()));
    return http::Response::json({{"waited_ms", wait->get<long long>()}});
}

}  // namespace convene::web
