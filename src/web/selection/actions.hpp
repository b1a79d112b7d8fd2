#pragma once
// The selection under quotas, shared by the pages and the API.
#include <nlohmann/json.hpp>
#include <string>

#include "store/editions/editions.hpp"
#include "store/synthesis/synthesis.hpp"

namespace convene::web {

class Exchange;

// The instance `convene select` would read, proposals named by number.
SelectionInstance selection_instance(Exchange& ex, const store::Edition& e,
                                     const store::SynthesisSettings& s);
// Runs and stores the selection; when the rules cannot all hold, 422 naming them and
// nothing is stored.
nlohmann::json make_selection(Exchange& ex, const store::Edition& e);
// The stored selection with its explanation in words; null when none was made.
nlohmann::json selection_view(Exchange& ex, const store::Edition& e);

}  // namespace convene::web
