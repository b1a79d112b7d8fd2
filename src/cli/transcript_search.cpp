#include "cli/transcript_search.hpp"

#include <spdlog/spdlog.h>

#include "store/transcripts/search.hpp"

namespace convene::cli {

void index_transcripts(db::Database& database) {
    auto c = database.acquire();
    db::Transaction tx(*c);
    auto indexed = store::index_unsearched_turns(*c);
    tx.commit();
    if (indexed > 0) spdlog::info("indexed {} transcript turns for search", indexed);
}

}  // namespace convene::cli
