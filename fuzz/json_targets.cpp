// The JSON a request body or a file brings in, and the domain readers on top of it: each
// refuses bad input with its documented error, never more.
#include <stdexcept>

#include "core/common/json_input.hpp"
#include "core/evaluation/assignment.hpp"
#include "core/programme/instance_json.hpp"
#include "core/proposals/proposal.hpp"
#include "core/selection/selection.hpp"
#include "fuzz/target.hpp"

namespace {

// Parses, then hands the value to `read`; bad JSON and bad shapes are expected.
template <typename Read>
void read_json(const std::uint8_t* data, std::size_t size, Read read) {
    nlohmann::json j;
    try {
        j = convene::parse_json_input(convene::fuzz::text(data, size));
    } catch (const convene::JsonInputError&) {
        return;
    }
    try {
        read(j);
    } catch (const std::invalid_argument&) {  // InputError: the member at fault named
    }
}

}  // namespace

CONVENE_FUZZ_TARGET(json_input, {R"({"a": [1, 2.5, "x", null, true, {"b": {}}]})", "[[[[1]]]]",
                                 "1e999", R"("\ud800")"}) {
    read_json(data, size, [](const nlohmann::json&) {});
}

CONVENE_FUZZ_TARGET(proposal, {R"({"title": "AI and children", "session_type": "workshop",
  "duration": 90, "speakers": [{"name": "Ana", "email": "ana@example.org"}]})"}) {
    read_json(data, size, [](const nlohmann::json& j) { (void)convene::proposal_from_json(j); });
}

CONVENE_FUZZ_TARGET(selection_instance, {R"({"slots": 2, "max_per_organisation": 1,
  "proposals": [{"id": 1, "score": 4.5, "organisation": "A", "attributes": {"developing": true}},
                {"id": "b", "score": 3, "theme": "AI"}],
  "constraints": [{"attribute": "developing", "value": true, "min": 1}, {"theme": "AI", "max": 1}],
  "forced_in": [1], "merged": [[1, "b"]]})"}) {
    read_json(data, size, [](const nlohmann::json& j) {
        auto in = convene::selection_instance_from_json(j);
        if (in.proposals.size() <= 12) (void)convene::select_proposals(in);
    });
}

CONVENE_FUZZ_TARGET(assignment_instance, {R"({"per_proposal": 2, "max_load": 3,
  "proposals": [{"id": "p1", "group": "g"}], "evaluators": [{"id": "e1", "groups": ["g"]}],
  "conflicts": [["e1", "p1"]]})"}) {
    read_json(data, size,
              [](const nlohmann::json& j) { (void)convene::assignment_instance_from_json(j); });
}

CONVENE_FUZZ_TARGET(schedule_instance, {R"({"time_zone": "Europe/Oslo", "granularity": 15,
  "rooms": [{"id": "R1", "capacity": 80, "features": ["captioning"], "turnover": 15,
             "windows": [{"start": "2027-06-23T09:00", "end": "2027-06-23T12:00"}]}],
  "sessions": [{"id": "WS1", "duration": 60, "demand": 50, "people": ["p1"], "tags": ["a"]}],
  "time_zones": [{"person": "p1", "time_zone": "Asia/Tokyo"}]})"}) {
    read_json(data, size, [](const nlohmann::json& j) {
        auto in = convene::programme::instance_from_json(j);
        (void)convene::programme::instance_problems(in);
    });
}
