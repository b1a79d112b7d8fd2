#pragma once
// A MAG member's evaluation form and its JSON, shared by the member's pages and API.
#include <charconv>

#include "http/error.hpp"
#include "web/evaluation/actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/markdown.hpp"
#include "web/site/views.hpp"

namespace convene::web {

std::string url_of(const EvaluationTarget& t);

std::optional<std::int64_t> whole_number(const std::string& text);

// The form's fields as an evaluation; errors name the field.
Evaluation evaluation_in_form(const http::Form& f, const std::vector<Criterion>& criteria,
                              FieldErrors& errors);

nlohmann::json form_view(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors);

http::Response form_page(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors, int status,
                         const std::string& notice = "", bool submitting = false);

nlohmann::json api_view(Exchange& ex, const EvaluationTarget& t);

}  // namespace convene::web
