#pragma once
// Nothing typed is lost to an expired sign-in or form token: the posted fields are kept
// server-side under a one-time token; after signing in, the same form comes back filled
// (the stage's own form page when it registered one with App::refill, else a page that
// sends the kept fields again with a fresh token).
#include <optional>
#include <string>

#include "http/form.hpp"
#include "http/message.hpp"

namespace convene::web {

class Exchange;

// Keeps a browser's form post (same-origin only, no passwords, no API calls) and
// returns where to send its author; nothing when the request is not such a form.
std::optional<http::Response> keep_expired_form(Exchange& ex);

// GET /kept/{token}: the kept form back, for the account that takes it first.
http::Response kept_form_page(Exchange& ex);

// The kept form named by ?kept= on a form page, when it was posted to `path` and the
// signed-in account took it back.
std::optional<http::Form> kept_form(Exchange& ex, const std::string& path);

}  // namespace convene::web
