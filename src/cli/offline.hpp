#pragma once
// The commands that run the domain core on files, without a server or database.
#include <cstdint>
#include <string>

#include "core/common/ids.hpp"

namespace convene::cli {

// convene screen --edition edition.json --proposals proposals.json: one JSON line per proposal.
int screen(const std::string& edition_file, const std::string& proposals_file);

// convene assign --in instance.json [--out assignment.json]: the optimal assignment of
// evaluators to proposals (stdout when there is no --out).
int assign(const std::string& in_file, const std::string& out_file, bool whole = false);

// convene select --in instance.json [--out selection.json]: the selection of the most
// score under the slots and quotas, explained; exit 2 with the conflicting constraints
// when they cannot all hold.
int select(const std::string& in_file, const std::string& out_file);

// convene schedule --in instance.json --out timetable.json [--time-limit S]: the timetable
// of the programme (stdout when there is no --out), with a summary line on stderr; a bad
// instance is named on stderr (every problem) and nothing is written. With --generate igf
// it writes a generated IGF-size instance instead (the benchmark's input).
struct ScheduleArgs {
    std::string in_file, out_file, generate;
    double time_limit = 5;
    std::uint64_t seed = 1;
    int sessions = 300;
    bool plain_cbc = false;
};
int schedule(const ScheduleArgs& args);

// convene import workshop-page FILE: the proposal JSON of a published workshop page.
// With an edition (--into), it is also stored there as a session held, with its report.
int import_workshop_page(const std::string& file, const std::string& database_url,
                         EditionId into_edition);

}  // namespace convene::cli
