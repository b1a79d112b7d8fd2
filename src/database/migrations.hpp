#pragma once
// The numbered migrations under migrations/ (compiled in), applied in order, each in
// its own transaction, recorded in schema_migrations. Several nodes starting at once
// on PostgreSQL take an advisory lock, so each migration runs once.
#include <string>
#include <vector>

#include "database/database.hpp"

namespace convene::db {

struct Migration {
    int version;
    std::string name;
    std::string sql;  // with {{id}} and the engines' sections still in it
};

std::vector<Migration> bundled_migrations();

// The SQL of a migration for one engine: {{id}} becomes the engine's identity column, and
// what stands between {{sqlite}} and {{/sqlite}} (or {{postgresql}} and {{/postgresql}})
// is kept for that engine only.
std::string migration_sql(const Migration& m, Engine engine);

// Applies what is missing and refreshes reference data (countries); returns the
// names of the migrations applied now.
std::vector<std::string> migrate(Database& db);

}  // namespace convene::db
