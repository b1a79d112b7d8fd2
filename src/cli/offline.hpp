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
int assign(const std::string& in_file, const std::string& out_file);

// convene select --in instance.json [--out selection.json]: the selection of the most
// score under the slots and quotas, explained; exit 2 with the conflicting constraints
// when they cannot all hold.
int select(const std::string& in_file, const std::string& out_file);

// convene import workshop-page FILE: the proposal JSON of a published workshop page.
// With an edition (--into), it is also stored there as a session held, with its report.
int import_workshop_page(const std::string& file, const std::string& database_url,
                         EditionId into_edition);

}  // namespace convene::cli
