#pragma once
// Mail texts live in templates/mail/<kind>.mustache: the first line is the subject,
// the rest the body (plain text; values go in with {{{triple}}} braces).
#include <nlohmann/json.hpp>
#include <string>

#include "store/common/outbox.hpp"

namespace convene::web {

// The mail of that kind, without recipient or dedupe key.
store::Mail mail_from_template(const std::string& kind, const nlohmann::json& view);

}  // namespace convene::web
