#include "store/backup/schema.hpp"

#include <algorithm>
#include <map>

#include "core/backup/table_order.hpp"
#include "database/migrations.hpp"

namespace convene::store::backup {

std::vector<Table> migrations_schema() {
    auto scratch = db::Database::open("sqlite::memory:", 1);
    db::migrate(*scratch);
    auto c = scratch->acquire();
    // Real tables only: pragma_table_list calls FTS5's tables "virtual" and "shadow".
    auto listed = c->run(R"sql(
        SELECT m.name AS name, m.sql AS sql
        FROM sqlite_master m
        JOIN pragma_table_list l ON l.name = m.name AND l.schema = 'main'
        WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite%'
        ORDER BY m.rowid
    )sql");
    std::map<std::string, Table> by_name;
    std::vector<TableReferences> references;
    for (const auto& row : listed.rows) {
        Table t;
        t.name = row.text("name");
        t.identity = row.text("sql").find("AUTOINCREMENT") != std::string::npos;
        for (const auto& col : c->run(R"sql(
                SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid
            )sql",
                                      {t.name})
                                   .rows) {
            auto type = col.text("type");
            std::transform(type.begin(), type.end(), type.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            t.columns.push_back({col.text("name"), type.find("INT") != std::string::npos,
                                 static_cast<int>(col.integer("pk"))});
        }
        for (const auto& fk : c->run(R"sql(
                SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)
            )sql",
                                     {t.name})
                                  .rows)
            t.references.push_back(fk.text("parent"));
        references.push_back({t.name, t.references});
        by_name.emplace(t.name, std::move(t));
    }
    std::vector<Table> ordered;
    for (const auto& name : foreign_key_order(references))
        ordered.push_back(std::move(by_name.at(name)));
    return ordered;
}

std::vector<std::string> present_tables(db::Connection& c) {
    auto result = c.engine() == db::Engine::sqlite ? c.run(R"sql(
        SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite%'
        ORDER BY name
    )sql")
                                                   : c.run(R"sql(
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name
    )sql");
    std::vector<std::string> names;
    for (const auto& row : result.rows) names.push_back(row.text("name"));
    return names;
}

std::vector<AppliedMigration> applied_migrations(db::Connection& c) {
    auto present = present_tables(c);
    if (std::find(present.begin(), present.end(), "schema_migrations") == present.end()) return {};
    std::vector<AppliedMigration> applied;
    for (const auto& row :
         c.run(R"sql(SELECT version, name FROM schema_migrations ORDER BY version)sql").rows)
        applied.push_back({static_cast<int>(row.integer("version")), row.text("name")});
    return applied;
}

}  // namespace convene::store::backup
