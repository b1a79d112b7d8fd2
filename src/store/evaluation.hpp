#pragma once
// The MAG's evaluation round in the database: the assignment instance built from the
// edition (proposals that passed screening, members with their groups, conflicts),
// and the assignment the Secretariat reviews and publishes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/assignment.hpp"
#include "storage/database.hpp"

namespace convene::store {

struct EvaluationSettings {
    int per_proposal = 5;  // k
    int max_load = 0;      // 0: enough for every place, with a quarter to spare
};
EvaluationSettings evaluation_settings(db::Connection& c, std::int64_t edition);
void set_evaluation_settings(db::Connection& c, std::int64_t edition, const EvaluationSettings& s);

// Proposal ids are the proposals' database ids; evaluator ids are account ids. A
// proposal's group is its theme; its people are the members named on it (by account or
// e-mail); its organisations are those of its organisers.
AssignmentInstance assignment_instance(db::Connection& c, std::int64_t edition,
                                       const EvaluationSettings& settings);

void set_member_groups(db::Connection& c, std::int64_t edition, std::int64_t account,
                       const std::vector<std::string>& groups);

// Replaces the edition's assignment with an unpublished one.
void save_assignment(db::Connection& c, std::int64_t edition,
                     const std::vector<AssignmentPair>& pairs, const std::string& now);
struct StoredAssignment {
    std::vector<AssignmentPair> pairs;
    bool published = false;
};
StoredAssignment load_assignment(db::Connection& c, std::int64_t edition);
void publish_assignment(db::Connection& c, std::int64_t edition);

}  // namespace convene::store
