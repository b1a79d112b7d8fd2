#pragma once
// A whole forum copied from one database into an empty other, SQLite to PostgreSQL or
// back, in one transaction, then compared row for row.
#include <string>
#include <vector>

#include "database/database.hpp"
#include "store/backup/tables.hpp"

namespace convene::store::backup {

// Reference data that `convene migrate` writes into every database: a migrated database
// with rows only in these is still empty.
extern const std::vector<std::string> written_by_migrate;

struct TableCheck {
    std::string table;
    Fingerprint source, target;
    bool same() const { return source == target; }
};

struct CopyReport {
    std::vector<TableCheck> tables;  // in the order copied
    bool verified() const;
};

// Copies every table of the migrations' schema from `from` into `to`: `from` must stand
// at this convene's migrations and `to` be empty (it is migrated here first). Every
// table goes in one transaction in foreign-key order, ids numbered past the copied
// ones; then each table's rows and checksum are compared, the source read at the
// moment it was copied. Throws std::runtime_error with the catalog's reason, naming
// `from_name`/`to_name` (the URLs as they may be shown) or the table that failed.
CopyReport copy_forum(db::Database& from, db::Database& to, const std::string& from_name,
                      const std::string& to_name);

// Throws std::runtime_error unless the database's recorded migrations are exactly the
// bundled ones (named `name` in the message).
void check_same_migrations(db::Connection& c, const std::string& name);

}  // namespace convene::store::backup
