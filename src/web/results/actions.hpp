#pragma once
// The public results and the transparency report, shared by the pages and the API.
#include <nlohmann/json.hpp>
#include <string>

#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// Public once published; the Secretariat sees a preview before. 404 otherwise.
nlohmann::json results_view(Exchange& ex, const store::Edition& e);
nlohmann::json transparency_view(Exchange& ex, const store::Edition& e);
void publish_results(Exchange& ex, const store::Edition& e, bool publish);

}  // namespace convene::web
