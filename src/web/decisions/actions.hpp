#pragma once
// The MAG's decisions and their messages, shared by the pages and the API.
#include <nlohmann/json.hpp>
#include <string>

#include "core/decisions/decision.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

// A proposal of the edition in the path (404 otherwise).
struct DecisionTarget {
    store::Edition edition;
    ProposalId proposal;
    store::StoredDecision stored;  // version 0: none yet
};
DecisionTarget decision_target(Exchange& ex, ProposalId proposal);
// Saves over the version the form was opened at; 422 naming the field, 409 when
// somebody saved since (the detail says who won). Returns the new version.
std::int64_t record_decision(Exchange& ex, const DecisionTarget& t, const Decision& d,
                             std::int64_t expected_version);
// Confirms a conditional acceptance after its due date: accepted or declined.
std::int64_t confirm_decision(Exchange& ex, const DecisionTarget& t, const std::string& outcome,
                              std::int64_t expected_version);
// Records accepted / declined for every scored proposal without a decision, from the
// stored selection; returns how many were recorded.
int decide_from_selection(Exchange& ex, const store::Edition& e);
// The decisions list with the speaker rule's violations (page and API).
nlohmann::json decisions_view(Exchange& ex, const store::Edition& e);
}  // namespace convene::web
