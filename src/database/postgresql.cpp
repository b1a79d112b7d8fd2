#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

#include "database/database.hpp"

namespace convene::db {

namespace {

Error pg_error(PGconn* conn, PGresult* res) {
    std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    if (state && std::strcmp(state, "23505") == 0)
        return Error(Error::Kind::unique_violation, message);
    if (state && std::strcmp(state, "23503") == 0)
        return Error(Error::Kind::foreign_key_violation, message);
    if (state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0))
        return Error(Error::Kind::busy, message);
    if (PQstatus(conn) != CONNECTION_OK) return Error(Error::Kind::connection, message);
    return Error(Error::Kind::other, message);
}

struct ResultGuard {
    PGresult* r;
    ~ResultGuard() { PQclear(r); }
};

class PostgresConnection : public Connection {
  public:
    explicit PostgresConnection(const std::string& url) {
        conn_ = PQconnectdb(url.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw Error(Error::Kind::connection, "cannot connect to PostgreSQL: " + message);
        }
        start_session();
    }
    ~PostgresConnection() override { PQfinish(conn_); }

    Engine engine() const override { return Engine::postgresql; }

    Result run(std::string_view sql, const std::vector<Value>& params) override {
        return again_if_lost([&] { return run_once(sql, params, true); });
    }

    Result run_planned_for_values(std::string_view sql, const std::vector<Value>& params) override {
        return again_if_lost([&] { return run_once(sql, params, false); });
    }

    void run_script(std::string_view sql) override {
        again_if_lost([&] {
            std::string text(sql);
            ResultGuard res{PQexec(conn_, text.c_str())};
            auto status = PQresultStatus(res.r);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
                throw pg_error(conn_, res.r);
            return 0;
        });
    }

    void begin_write() override { run_script("BEGIN"); }

    bool healthy() override {
        return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
    }

  private:
    // A connection the server dropped (PostgreSQL restarted, a proxy timed it out) is
    // opened again and the statement sent once more, but only when it began no
    // transaction's work: outside a transaction, or its BEGIN. Inside one, the caller
    // hears of it: what the transaction did is gone with the connection.
    template <class Run>
    auto again_if_lost(Run run) -> decltype(run()) {
        bool outside = PQtransactionStatus(conn_) == PQTRANS_IDLE;
        try {
            return run();
        } catch (const Error& e) {
            if (!outside || e.kind() != Error::Kind::connection) throw;
            PQreset(conn_);
            if (PQstatus(conn_) != CONNECTION_OK) throw;
            statements_.clear();
            start_session();
            return run();
        }
    }

    void start_session() {
        ResultGuard res{PQexec(conn_, "SET client_min_messages TO WARNING; SET TIME ZONE 'UTC'")};
        if (PQresultStatus(res.r) != PGRES_COMMAND_OK) throw pg_error(conn_, res.r);
    }

    // `prepared`: through a statement prepared once per connection; otherwise planned for
    // the values (an unnamed statement).
    Result run_once(std::string_view sql, const std::vector<Value>& params, bool prepared) {
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (auto* n = std::get_if<std::int64_t>(&params[i])) {
                texts[i] = std::to_string(*n);
                values[i] = texts[i].c_str();
            } else if (auto* s = std::get_if<std::string>(&params[i])) {
                values[i] = s->c_str();
            }
        }
        auto count = static_cast<int>(params.size());
        ResultGuard res{prepared ? PQexecPrepared(conn_, prepare(sql).c_str(), count, values.data(),
                                                  nullptr, nullptr, 0)
                                 : PQexecParams(conn_, numbered_placeholders(sql).c_str(), count,
                                                nullptr, values.data(), nullptr, nullptr, 0)};
        auto status = PQresultStatus(res.r);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw pg_error(conn_, res.r);
        Result result;
        int columns = PQnfields(res.r), rows = PQntuples(res.r);
        for (int c = 0; c < columns; ++c) result.columns.emplace_back(PQfname(res.r, c));
        auto names = std::make_shared<const std::vector<std::string>>(result.columns);
        result.rows.reserve(rows);
        for (int r = 0; r < rows; ++r) {
            std::vector<std::optional<std::string>> cells(columns);
            for (int c = 0; c < columns; ++c)
                if (!PQgetisnull(res.r, r, c))
                    cells[c] = std::string(PQgetvalue(res.r, r, c), PQgetlength(res.r, r, c));
            result.rows.emplace_back(std::move(cells), names);
        }
        const char* tuples = PQcmdTuples(res.r);
        result.changed = tuples && *tuples ? std::stoll(tuples) : 0;
        return result;
    }

    const std::string& prepare(std::string_view sql) {
        std::string key(sql);
        if (auto it = statements_.find(key); it != statements_.end()) return it->second;
        std::string name = "s" + std::to_string(statements_.size() + 1);
        ResultGuard res{
            PQprepare(conn_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr)};
        if (PQresultStatus(res.r) != PGRES_COMMAND_OK) throw pg_error(conn_, res.r);
        return statements_.emplace(std::move(key), std::move(name)).first->second;
    }

    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> statements_;
};

}  // namespace

std::unique_ptr<Connection> connect_postgresql(const std::string& url) {
    return std::make_unique<PostgresConnection>(url);
}

}  // namespace convene::db
