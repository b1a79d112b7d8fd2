#pragma once
// Past editions loaded from the forum's published pages, so rules that look back
// (a report for every session held) work from the first year Convene is used.
#include <cstdint>

#include "core/common/ids.hpp"
#include "core/proposals/workshop_page.hpp"
#include "database/database.hpp"

namespace convene::store {

// Stores the page as a session held in the edition, with its report when it has one.
// Throws std::runtime_error when the edition is unknown or already has that number.
std::int64_t import_workshop_page(db::Connection& c, EditionId edition, const WorkshopPage& page,
                                  const std::string& now);

}  // namespace convene::store
