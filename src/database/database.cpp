#include "database/database.hpp"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <mutex>

namespace convene::db {

const std::string& Row::text(std::size_t i) const {
    static const std::string empty;
    const auto& c = cells_.at(i);
    return c ? *c : empty;
}

std::int64_t Row::integer(std::size_t i) const {
    const auto& c = cells_.at(i);
    if (!c || c->empty()) return 0;
    if (*c == "t" || *c == "true") return 1;  // PostgreSQL booleans in text form
    if (*c == "f" || *c == "false") return 0;
    return std::stoll(*c);
}

bool Row::has(std::string_view column) const {
    return columns_ && std::find(columns_->begin(), columns_->end(), column) != columns_->end();
}

std::size_t Row::at(std::string_view column) const {
    std::string there;
    if (columns_) {
        for (std::size_t i = 0; i < columns_->size(); ++i)
            if ((*columns_)[i] == column) return i;
        for (const auto& name : *columns_) there += (there.empty() ? "" : ", ") + name;
    }
    throw std::logic_error("no column \"" + std::string(column) +
                           "\" in the result (columns: " + (there.empty() ? "none" : there) + ")");
}

Result insert_rows(Connection& c, std::string_view head, std::size_t columns,
                   const std::vector<Value>& values, std::string_view tail) {
    constexpr std::size_t rows_per_statement = 250;
    Result all;
    if (columns == 0 || values.empty()) return all;
    std::string row = "(?";
    for (std::size_t i = 1; i < columns; ++i) row += ", ?";
    row += ")";
    const std::size_t rows = values.size() / columns;
    for (std::size_t start = 0; start < rows; start += rows_per_statement) {
        const auto end = std::min(rows, start + rows_per_statement);
        std::string sql(head);
        sql += " VALUES ";
        for (auto i = start; i < end; ++i) sql += (i == start ? "" : ", ") + row;
        sql += tail;
        std::vector<Value> batch(values.begin() + static_cast<std::ptrdiff_t>(start * columns),
                                 values.begin() + static_cast<std::ptrdiff_t>(end * columns));
        auto r = c.run(sql, batch);
        if (all.columns.empty()) all.columns = r.columns;
        all.changed += r.changed;
        for (auto& each : r.rows) all.rows.push_back(std::move(each));
    }
    return all;
}

void ping(Connection& c) {
    c.run(R"sql(SELECT 1)sql");
}

std::int64_t scalar(const Result& r) {
    if (r.rows.empty() || r.rows[0].size() == 0) throw Error(Error::Kind::other, "no row returned");
    return r.rows[0].integer(0);
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            c_.rollback();
        } catch (...) {
        }
    }
}

void Transaction::commit() {
    c_.commit();
    done_ = true;
}

Savepoint::~Savepoint() {
    if (!done_) {
        try {
            c_.run_script("ROLLBACK TO SAVEPOINT attempt; RELEASE SAVEPOINT attempt");
        } catch (...) {
        }
    }
}

void Savepoint::release() {
    c_.run_script("RELEASE SAVEPOINT attempt");
    done_ = true;
}

std::string numbered_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

class Pool : public Database {
  public:
    Pool(Engine engine, std::string target, std::size_t size)
        : engine_(engine), target_(std::move(target)), size_(size) {}

    Lease acquire() override {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
        ++in_use_;
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return Lease(this, std::move(c));
        }
        ++open_;
        lock.unlock();
        try {
            return Lease(this, connect());
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            --in_use_;
            available_.notify_one();
            throw;
        }
    }

    void give_back(std::unique_ptr<Connection> c) {
        std::lock_guard lock(mutex_);
        --in_use_;
        if (c && c->healthy()) {
            idle_.push_back(std::move(c));
        } else {
            --open_;  // a broken connection is dropped; the next acquire opens a new one
        }
        available_.notify_one();
    }

    Engine engine() const override { return engine_; }
    std::size_t pool_size() const override { return size_; }
    std::size_t in_use() const override {
        std::lock_guard lock(mutex_);
        return in_use_;
    }

  private:
    std::unique_ptr<Connection> connect() {
        return engine_ == Engine::sqlite ? connect_sqlite(target_) : connect_postgresql(target_);
    }

    Engine engine_;
    std::string target_;
    std::size_t size_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t open_ = 0, in_use_ = 0;
};

Lease::~Lease() {
    if (pool_ && connection_) pool_->give_back(std::move(connection_));
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
    if (url.rfind("sqlite:", 0) == 0) {
        std::string path = url.substr(7);
        if (path.empty()) throw Error(Error::Kind::connection, "sqlite: URL names no file");
        auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        auto pool = std::make_unique<Pool>(Engine::sqlite, path, pool_size);
        pool->acquire();  // fail early on a bad path
        return pool;
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        auto pool = std::make_unique<Pool>(Engine::postgresql, url, pool_size);
        pool->acquire();
        return pool;
    }
    throw Error(Error::Kind::connection,
                "database URL must start with sqlite: or postgresql:// (got '" + url + "')");
}

}  // namespace convene::db
