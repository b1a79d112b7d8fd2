#include <sqlite3.h>

#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "database/database.hpp"
#include "database/sqlite_rank.hpp"

namespace convene::db {

namespace {

Error sqlite_error(sqlite3* db, int rc) {
    std::string message = sqlite3_errmsg(db);
    int extended = sqlite3_extended_errcode(db);
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        return Error(Error::Kind::unique_violation, message);
    if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
        return Error(Error::Kind::foreign_key_violation, message);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return Error(Error::Kind::busy, message);
    return Error(Error::Kind::other, message);
}

class SqliteConnection : public Connection {
  public:
    explicit SqliteConnection(const std::string& path) {
        int rc = sqlite3_open_v2(path.c_str(), &db_,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
        if (rc != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw Error(Error::Kind::connection,
                        "cannot open SQLite file " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 10000);
        // FULL: a committed write survives a power cut. CONVENE_SQLITE_SYNCHRONOUS=NORMAL
        // trades the last commits before a power cut (never the file's integrity) for speed.
        const char* wanted = std::getenv("CONVENE_SQLITE_SYNCHRONOUS");
        bool normal = wanted && std::string_view(wanted) == "NORMAL";
        run_script(
            normal ? "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                   : "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
        // Reads through the operating system's page cache, shared by every connection
        // (mapped: as much of the file as SQLite maps, 2 GiB in Debian's build; an archive of
        // 10,000 transcripts is 1.5 GB), and 16 MiB of SQLite's own cache each: the default
        // 2 MiB made a search over 10,000 transcripts read its index from disk pages again
        // and again.
        run_script("PRAGMA mmap_size=68719476736; PRAGMA cache_size=-16384;");
        add_weighted_bm25(db_);
    }

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }

    Engine engine() const override { return Engine::sqlite; }

    Result run(std::string_view sql, const std::vector<Value>& params) override {
        sqlite3_stmt* stmt = prepare(sql);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt))
            throw Error(Error::Kind::other, "wrong number of parameters for: " + std::string(sql));
        for (std::size_t i = 0; i < params.size(); ++i) {
            int at = static_cast<int>(i + 1);
            if (auto* n = std::get_if<std::int64_t>(&params[i])) {
                sqlite3_bind_int64(stmt, at, *n);
            } else if (auto* s = std::get_if<std::string>(&params[i])) {
                sqlite3_bind_text(stmt, at, s->data(), static_cast<int>(s->size()),
                                  SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_null(stmt, at);
            }
        }
        Result result;
        int columns = sqlite3_column_count(stmt);
        for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt, c));
        auto names = std::make_shared<const std::vector<std::string>>(result.columns);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<std::optional<std::string>> cells(columns);
            for (int c = 0; c < columns; ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
                auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                cells[c] = std::string(text, sqlite3_column_bytes(stmt, c));
            }
            result.rows.emplace_back(std::move(cells), names);
        }
        if (rc != SQLITE_DONE) {
            auto error = sqlite_error(db_, rc);
            sqlite3_reset(stmt);
            throw error;
        }
        result.changed = sqlite3_changes64(db_);
        sqlite3_reset(stmt);
        return result;
    }

    void run_script(std::string_view sql) override {
        char* message = nullptr;
        std::string text(sql);
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            std::string m = message ? message : "error";
            sqlite3_free(message);
            auto e = sqlite_error(db_, rc);
            throw Error(e.kind(), m);
        }
    }

    void begin_write() override { run_script("BEGIN IMMEDIATE"); }
    bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

  private:
    sqlite3_stmt* prepare(std::string_view sql) {
        std::string key(sql);
        if (auto it = statements_.find(key); it != statements_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) throw sqlite_error(db_, rc);
        statements_.emplace(std::move(key), stmt);
        return stmt;
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<Connection> connect_sqlite(const std::string& path) {
    return std::make_unique<SqliteConnection>(path);
}

}  // namespace convene::db
