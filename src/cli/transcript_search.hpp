#pragma once
// The search words of turns stored before the archive could be searched (migration 022),
// written once at startup, after the migrations, by every command that opens the database.
#include "database/database.hpp"

namespace convene::cli {

void index_transcripts(db::Database& database);

}  // namespace convene::cli
