#pragma once
// The tables of a Convene database as its migrations make them, read from a scratch
// SQLite database migrated in memory: the same tables and columns on both engines
// (what only one engine has, SQLite's FTS5 index and PostgreSQL's generated tsvector
// column, is left out: each engine rebuilds it from the copied rows).
#include <cstdint>
#include <string>
#include <vector>

#include "database/database.hpp"

namespace convene::store::backup {

struct Column {
    std::string name;
    bool integer = false;  // INTEGER or BIGINT: bound as a number when copied
    int key = 0;           // position in the primary key from 1; 0 when not in it
};

struct Table {
    std::string name;
    std::vector<Column> columns;
    std::vector<std::string> references;  // tables its foreign keys point to
    bool identity = false;                // an id column numbered by the database
};

// Every table of the bundled migrations (schema_migrations and countries included), each
// after the tables it references.
std::vector<Table> migrations_schema();

// The tables a database holds now (its current schema on PostgreSQL), by name.
std::vector<std::string> present_tables(db::Connection& c);

struct AppliedMigration {
    int version = 0;
    std::string name;
};
// The migrations recorded in schema_migrations, in order; empty when there is no such table.
std::vector<AppliedMigration> applied_migrations(db::Connection& c);

}  // namespace convene::store::backup
