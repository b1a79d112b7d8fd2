#include "database/sqlite_rank.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace convene::db {

namespace {

// Okapi BM25's usual constants (FTS5's own bm25() uses the same).
constexpr double k1 = 1.2;
constexpr double b = 0.75;

// The first column's length of each row the connection ranked, by rowid (0: not known yet).
// FTS5 reads a row's length from its %_docsize table with a statement per row, a third of a
// search that ranks 1,000 turns. The lengths are kept by rowid alone, read once per
// connection: weighted_bm25 ranks one FTS5 table (transcript_search), where a turn is indexed
// once its words are written, under the negation of its id (migration 031), and its id is
// never used again. Lengths past 65,534 or ids past 16 M are read each time.
struct RowLengths {
    static constexpr sqlite3_int64 most_rows = 16 << 20;
    std::vector<std::uint16_t> of;

    int length(const Fts5ExtensionApi* api, Fts5Context* fts, int* out) {
        auto row = -api->xRowid(fts);
        bool kept = row >= 0 && row < most_rows;
        auto at = static_cast<std::size_t>(row);
        if (kept && at < of.size() && of[at] != 0) {
            *out = of[at] - 1;
            return SQLITE_OK;
        }
        int rc = api->xColumnSize(fts, 0, out);
        if (rc == SQLITE_OK && kept && *out >= 0 && *out < 65535) {
            if (at >= of.size())
                of.resize(
                    std::min(static_cast<std::size_t>(most_rows), std::max(at + 1, of.size() * 2)),
                    0);
            of[at] = static_cast<std::uint16_t>(*out + 1);
        }
        return rc;
    }
};

// weighted_bm25(table, n, w0, w1, ...): Okapi BM25 over the first column of the first n
// phrases of the MATCH expression (the words searched for; those after, the filters', are
// not read), phrase i weighted by w_i (1 when not given). FTS5's bm25() computes each
// phrase's weight (its inverse document frequency) by first counting every row that holds
// the phrase: for a word found in 400,000 turns that count alone took 40 ms. Here the caller
// gives the weights, so a query costs only the rows it reads.
void weighted_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc,
                   sqlite3_value** argv) {
    int phrases = api->xPhraseCount(fts);
    if (argc > 0) phrases = std::clamp(sqlite3_value_int(argv[0]), 0, phrases);
    std::vector<double> frequency(static_cast<std::size_t>(phrases), 0.0);
    int rc = SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
        Fts5PhraseIter at;
        int column = 0, offset = 0;
        rc = api->xPhraseFirst(fts, i, &at, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &at, &column, &offset))
            if (column == 0) frequency[static_cast<std::size_t>(i)] += 1;
    }
    // The column's average length, read once per query (FTS5 reads it from disk each time).
    auto* average = static_cast<double*>(api->xGetAuxdata(fts, 0));
    if (rc == SQLITE_OK && !average) {
        sqlite3_int64 rows = 0, tokens = 0;
        rc = api->xRowCount(fts, &rows);
        if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, 0, &tokens);
        if (rc == SQLITE_OK) {
            average = static_cast<double*>(sqlite3_malloc(sizeof(double)));
            if (!average) rc = SQLITE_NOMEM;
        }
        if (rc == SQLITE_OK) {
            *average = rows > 0 && tokens > 0
                           ? static_cast<double>(tokens) / static_cast<double>(rows)
                           : 1.0;
            rc = api->xSetAuxdata(fts, average, sqlite3_free);
        }
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = static_cast<RowLengths*>(api->xUserData(fts))->length(api, fts, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    double score = 0;
    for (int i = 0; i < phrases; ++i) {
        double tf = frequency[static_cast<std::size_t>(i)];
        if (tf == 0) continue;
        double weight = i + 1 < argc ? sqlite3_value_double(argv[i + 1]) : 1.0;
        score += weight * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / *average));
    }
    sqlite3_result_double(out, score);
}

}  // namespace

bool add_weighted_bm25(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return false;
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api) return false;
    auto* lengths = new RowLengths;
    auto forget = [](void* p) { delete static_cast<RowLengths*>(p); };
    if (api->xCreateFunction(api, "weighted_bm25", lengths, &weighted_bm25, forget) == SQLITE_OK)
        return true;
    delete lengths;
    return false;
}

}  // namespace convene::db
