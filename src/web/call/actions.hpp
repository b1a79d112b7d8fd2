#pragma once
// Setting an edition's call for proposals, shared by the page and the API.
#include "core/common/text.hpp"
#include "core/editions/edition.hpp"
#include "http/error.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

std::vector<std::string> lines(const std::string& text);

std::string joined(const std::vector<std::string>& list);

// "flash | Flash session | 30" per line.
std::string formats_text(const Call& call);

// Reads the page's form into the call's JSON shape, so one reader checks both.
nlohmann::json call_json_from_form(const http::Form& f, FieldErrors& errors);

Call checked_call(const nlohmann::json& j, FieldErrors& errors);

nlohmann::json call_view(Exchange& ex, const Call& call, std::string_view zone);

http::Response call_page(Exchange& ex, const store::Edition& e, const Call& call,
                         const FieldErrors& errors, int status);

void store_call(Exchange& ex, const store::Edition& e, const Call& call);

}  // namespace convene::web
