#pragma once
// Reading, counting, fingerprinting and copying a forum's tables, the same way on both
// engines: rows in key order (text keys in byte order), each row's cells as text.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "database/database.hpp"
#include "store/backup/schema.hpp"

namespace convene::store::backup {

// Rows read per statement when a table is read whole (tests make it small).
extern std::size_t page_rows;

std::int64_t count_rows(db::Connection& c, const Table& t);

struct TableRows {
    std::string table;
    std::int64_t rows = 0;
};
// The first table of `schema` that the database holds with rows in it, leaving out the
// tables named in `ignored` (the reference data a migration writes); none when empty.
std::optional<TableRows> first_table_with_rows(db::Connection& c, const std::vector<Table>& schema,
                                               const std::vector<std::string>& ignored);
// Rows per table of `schema` that the database holds.
std::vector<TableRows> rows_per_table(db::Connection& c, const std::vector<Table>& schema);

// Row count and a BLAKE2b-256 checksum (hex) of a table's rows in key order, every
// cell as text (a NULL told apart from ""): equal on both engines for equal content.
struct Fingerprint {
    std::int64_t rows = 0;
    std::string checksum;
    bool operator==(const Fingerprint&) const = default;
};
Fingerprint fingerprint(db::Connection& c, const Table& t);

// A read that sees one moment of the database while it goes on (REPEATABLE READ on
// PostgreSQL, a read transaction on SQLite); ended with c.commit().
void begin_snapshot(db::Connection& c);

// Empties the schema's tables, children first (inside the caller's transaction).
void empty_tables(db::Connection& c, const std::vector<Table>& schema);

// Copies every row of `t` from one database to the other (the caller holds a write
// transaction on `to`); returns the rows copied.
std::int64_t copy_rows(db::Connection& from, db::Connection& to, const Table& t);

// Sets the target's numbering of `t`'s ids past both the copied ids and the source's
// own numbering (ids of deleted rows are not given out again).
void carry_numbering(db::Connection& from, db::Connection& to, const Table& t);

}  // namespace convene::store::backup
