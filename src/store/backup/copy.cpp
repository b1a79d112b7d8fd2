#include "store/backup/copy.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/common/messages.hpp"
#include "database/migrations.hpp"
#include "store/transcripts/search.hpp"

namespace convene::store::backup {

const std::vector<std::string> written_by_migrate = {"schema_migrations", "countries"};

bool CopyReport::verified() const {
    return std::all_of(tables.begin(), tables.end(), [](const TableCheck& t) { return t.same(); });
}

void check_same_migrations(db::Connection& c, const std::string& name) {
    auto applied = applied_migrations(c);
    if (applied.empty()) throw std::runtime_error(say("copy.source_not_convene", {{"from", name}}));
    auto bundled = db::bundled_migrations();
    for (const auto& a : applied)
        if (std::none_of(bundled.begin(), bundled.end(),
                         [&](const db::Migration& m) { return m.version == a.version; }))
            throw std::runtime_error(say("copy.source_ahead", {{"migration", a.name}}));
    for (const auto& m : bundled)
        if (std::none_of(applied.begin(), applied.end(),
                         [&](const AppliedMigration& a) { return a.version == m.version; }))
            throw std::runtime_error(
                say("copy.source_behind", {{"from", name}, {"migration", m.name}}));
}

CopyReport copy_forum(db::Database& from, db::Database& to, const std::string& from_name,
                      const std::string& to_name) {
    auto schema = migrations_schema();
    auto source = from.acquire();
    check_same_migrations(*source, from_name);
    {
        auto target = to.acquire();
        if (auto full = first_table_with_rows(*target, schema, written_by_migrate))
            throw std::runtime_error(
                say("copy.target_not_empty",
                    {{"to", to_name}, {"table", full->table}, {"rows", full->rows}}));
    }
    db::migrate(to);  // this convene's tables: the set the source stands at
    auto target = to.acquire();
    begin_snapshot(*source);
    {
        db::Transaction tx(*target);
        empty_tables(*target, schema);  // the countries and migrations `migrate` wrote
        for (const auto& t : schema) {
            try {
                copy_rows(*source, *target, t);
                carry_numbering(*source, *target, t);
            } catch (const db::Error& e) {
                throw std::runtime_error(
                    say("copy.table_failed", {{"table", t.name}, {"error", e.what()}}));
            }
        }
        // SQLite's full-text index of the turns, which no trigger fills (migration 031).
        index_new_turns(*target, "1 = 1", {});
        tx.commit();
    }
    // The source as it was copied (same snapshot) against the target as committed.
    CopyReport report;
    for (const auto& t : schema)
        report.tables.push_back({t.name, fingerprint(*source, t), fingerprint(*target, t)});
    source->commit();
    return report;
}

}  // namespace convene::store::backup
