#include "database/sqlite_backup.hpp"

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <thread>

#include "database/database.hpp"

namespace convene::db {

namespace {

struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close(db); }
};

void open(Handle& h, const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &h.db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        throw Error(Error::Kind::connection, "cannot open SQLite file " + path + ": " +
                                                 (h.db ? sqlite3_errmsg(h.db) : "out of memory"));
    sqlite3_busy_timeout(h.db, 10000);
}

}  // namespace

void sqlite_backup(const std::string& from, const std::string& to) {
    Handle source, target;
    open(source, from, SQLITE_OPEN_READWRITE);  // never creates the source
    open(target, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", source.db, "main");
    if (!backup) throw Error(Error::Kind::other, sqlite3_errmsg(target.db));
    int rc;
    // All pages in one step: one read transaction, so the copy is one moment of the
    // source; a writer holding a lock only makes it wait.
    for (int tries = 0;; ++tries) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 200) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw Error(Error::Kind::other, sqlite3_errmsg(target.db));
}

}  // namespace convene::db
