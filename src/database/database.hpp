#pragma once
// One storage interface over two engines, SQLite (one file, WAL) and PostgreSQL.
// SQL is written once with `?` placeholders; values travel as text or integers, so
// rows read the same on both engines; a row's cells are read by column name
// (`row.text("title")`), the name the SELECT gives the column. Connections come from a
// pool; a Transaction wraps every request's writes.
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace convene::db {

enum class Engine { sqlite, postgresql };

// A value bound to a `?`: null, an integer or a text. A typed id (core's Id<Tag>, whose
// value() is the number) binds as its number, so the store passes ids as they are.
struct Value : std::variant<std::nullptr_t, std::int64_t, std::string> {
    using std::variant<std::nullptr_t, std::int64_t, std::string>::variant;
    template <class TypedId>
    requires requires(const TypedId& id) {
        { id.value() } -> std::same_as<std::int64_t>;
    }
    Value(const TypedId& id) : variant(id.value()) {}  // NOLINT: ids bind as they are
};

// The names of a result's columns, shared by its rows.
using ColumnNames = std::shared_ptr<const std::vector<std::string>>;

// One row of a result. Cells are read by column name, the name the SELECT gives it
// (`row.text("title")`; an expression needs a lowercase `AS` alias, since PostgreSQL
// lowercases unquoted names); by position only in db::scalar, a first-column helper.
// A name the result does not hold is a programming error: std::logic_error naming it
// and the columns there are.
class Row {
  public:
    Row(std::vector<std::optional<std::string>> cells, ColumnNames columns)
        : cells_(std::move(cells)), columns_(std::move(columns)) {}
    bool is_null(std::size_t i) const { return !cells_.at(i).has_value(); }
    // The cell as text; "" when NULL.
    const std::string& text(std::size_t i) const;
    std::int64_t integer(std::size_t i) const;  // 0 when NULL
    bool boolean(std::size_t i) const { return integer(i) != 0; }
    std::optional<std::string> optional_text(std::size_t i) const { return cells_.at(i); }
    std::size_t size() const { return cells_.size(); }

    // The position of the named column.
    std::size_t at(std::string_view column) const;
    bool has(std::string_view column) const;  // for rows shared by statements of two shapes
    bool is_null(std::string_view column) const { return is_null(at(column)); }
    const std::string& text(std::string_view column) const { return text(at(column)); }
    std::int64_t integer(std::string_view column) const { return integer(at(column)); }
    bool boolean(std::string_view column) const { return boolean(at(column)); }
    // The cell as a typed id (`row.id<AccountId>("account_id")`).
    template <class TypedId>
    TypedId id(std::string_view column) const {
        return TypedId{integer(column)};
    }
    std::optional<std::string> optional_text(std::string_view column) const {
        return optional_text(at(column));
    }

  private:
    std::vector<std::optional<std::string>> cells_;
    ColumnNames columns_;
};

struct Result {
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::int64_t changed = 0;  // rows changed by an INSERT/UPDATE/DELETE
    bool empty() const { return rows.empty(); }
};

// What went wrong, in terms the application can act on.
class Error : public std::runtime_error {
  public:
    enum class Kind { unique_violation, foreign_key_violation, busy, connection, other };
    Error(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;
    // One statement; `?` placeholders are bound to params in order.
    virtual Result run(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    // The same, planned for these values every time: PostgreSQL keeps no prepared
    // statement, whose plan made once for any values can be far slower for some (a full
    // text search over a window of ids). SQLite plans the same either way.
    virtual Result run_planned_for_values(std::string_view sql,
                                          const std::vector<Value>& params = {}) {
        return run(sql, params);
    }
    // Several statements without parameters (migrations).
    virtual void run_script(std::string_view sql) = 0;
    // Starts a transaction that will write (SQLite takes the write lock at once,
    // so two writers queue instead of failing on upgrade).
    virtual void begin_write() = 0;
    virtual bool healthy() = 0;
    void commit() { run_script("COMMIT"); }
    void rollback() { run_script("ROLLBACK"); }
};

class Pool;

// A connection borrowed from the pool; returned when the lease ends.
class Lease {
  public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), connection_(std::move(c)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

  private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
};

class Database {
  public:
    virtual ~Database() = default;
    // "sqlite:path/to/file.db" or "postgresql://user@host:port/name".
    static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size);
    virtual Lease acquire() = 0;
    virtual Engine engine() const = 0;
    virtual std::size_t pool_size() const = 0;
    virtual std::size_t in_use() const = 0;
};

// Rolls back unless committed.
class Transaction {
  public:
    explicit Transaction(Connection& c) : c_(c) { c_.begin_write(); }
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Connection& c_;
    bool done_ = false;
};

// Lets one statement fail without spoiling the request's transaction (PostgreSQL aborts
// the whole transaction on an error; after a rollback to the savepoint it goes on).
class Savepoint {
  public:
    explicit Savepoint(Connection& c) : c_(c) { c_.run_script("SAVEPOINT attempt"); }
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

  private:
    Connection& c_;
    bool done_ = false;
};

// Throws when the database does not answer (the health check).
void ping(Connection& c);

// Many rows in few statements: `head` is "INSERT INTO t (a, b, c)", `values` holds
// `columns` values per row; `tail` ends each statement (" ON CONFLICT ... DO NOTHING",
// " RETURNING id"). Rows go 250 to a statement; the results' rows are joined.
Result insert_rows(Connection& c, std::string_view head, std::size_t columns,
                   const std::vector<Value>& values, std::string_view tail = "");

// First column of the first row as an integer (e.g. the id of an INSERT ... RETURNING id),
// read by position on purpose: it serves statements of one column, whatever its name.
std::int64_t scalar(const Result& r);

std::unique_ptr<Connection> connect_sqlite(const std::string& path);
std::unique_ptr<Connection> connect_postgresql(const std::string& url);

// "?" placeholders to "$1, $2, ..." outside quoted strings.
std::string numbered_placeholders(std::string_view sql);

}  // namespace convene::db
