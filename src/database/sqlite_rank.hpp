#pragma once
// An FTS5 ranking function for SQLite connections: weighted_bm25(table, n, w0, w1, ...),
// Okapi BM25 of each row's first column over the first n phrases of the MATCH expression
// (FTS5 numbers them left to right) with the caller's weight for each, instead of bm25()'s
// weights computed by counting every row that holds each phrase. Each row's length is read
// once per connection.
#include <sqlite3.h>

namespace convene::db {

// Adds weighted_bm25 to the connection; false when the library has no FTS5.
bool add_weighted_bm25(sqlite3* db);

}  // namespace convene::db
