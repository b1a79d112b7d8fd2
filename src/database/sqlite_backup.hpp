#pragma once
// SQLite's online backup API (sqlite3_backup_*): a whole database file copied page by
// page inside one read transaction, while other connections go on reading and writing
// it (WAL): the copy is the database as it was at one moment.
#include <string>

namespace convene::db {

// Copies the database at `from` (which must exist) into `to`, created when missing and
// replaced whole otherwise. Throws db::Error with SQLite's message.
void sqlite_backup(const std::string& from, const std::string& to);

}  // namespace convene::db
