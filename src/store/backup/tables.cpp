#include "store/backup/tables.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

namespace convene::store::backup {

std::size_t page_rows = 2000;

namespace {

// Table and column names come from the migrations' own schema, never from a person;
// quoted all the same.
std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::string column_list(const Table& t) {
    std::string out;
    for (const auto& col : t.columns) out += (out.empty() ? "" : ", ") + quoted(col.name);
    return out;
}

// The single integer key column (`id` and the like), when the key is one.
const Column* integer_key(const Table& t) {
    const Column* found = nullptr;
    for (const auto& col : t.columns) {
        if (col.key == 0) continue;
        if (found || !col.integer) return nullptr;
        found = &col;
    }
    return found;
}

// Hands the table's rows to `each` a page at a time, in key order: text in byte order on
// both engines (PostgreSQL's "C" collation is SQLite's BINARY), NULLs first.
template <class Each>
void for_each_page(db::Connection& c, const Table& t, Each each) {
    const std::size_t page = page_rows;
    const std::string select = "SELECT " + column_list(t) + " FROM " + quoted(t.name);
    if (const Column* key = integer_key(t)) {
        // Pages by key: each page starts after the last key of the one before.
        const std::string order =
            " ORDER BY " + quoted(key->name) + " LIMIT " + std::to_string(page);
        const std::string next = select + " WHERE " + quoted(key->name) + " > ?" + order;
        auto r = c.run(select + order);
        for (;;) {
            if (r.rows.empty()) return;
            each(r);
            if (r.rows.size() < page) return;
            r = c.run(next, {r.rows.back().integer(key->name)});
        }
    }
    std::vector<const Column*> keys;
    for (const auto& col : t.columns)
        if (col.key > 0) keys.push_back(&col);
    std::sort(keys.begin(), keys.end(), [](auto* a, auto* b) { return a->key < b->key; });
    if (keys.empty())  // a table without a key: all its columns order it
        for (const auto& col : t.columns) keys.push_back(&col);
    std::string order;
    for (const auto* col : keys)
        order += (order.empty() ? "" : ", ") + quoted(col->name) +
                 (!col->integer && c.engine() == db::Engine::postgresql ? " COLLATE \"C\"" : "") +
                 " NULLS FIRST";
    const std::string sql =
        select + " ORDER BY " + order + " LIMIT " + std::to_string(page) + " OFFSET ?";
    for (std::int64_t offset = 0;; offset += static_cast<std::int64_t>(page)) {
        auto r = c.run(sql, {offset});
        if (r.rows.empty()) return;
        each(r);
        if (r.rows.size() < page) return;
    }
}

}  // namespace

std::int64_t count_rows(db::Connection& c, const Table& t) {
    return c.run("SELECT COUNT(*) AS n FROM " + quoted(t.name)).rows.at(0).integer("n");
}

std::optional<TableRows> first_table_with_rows(db::Connection& c, const std::vector<Table>& schema,
                                               const std::vector<std::string>& ignored) {
    auto names = present_tables(c);
    std::set<std::string> present(names.begin(), names.end());
    for (const auto& t : schema) {
        if (!present.count(t.name) ||
            std::find(ignored.begin(), ignored.end(), t.name) != ignored.end())
            continue;
        if (auto n = count_rows(c, t); n > 0) return TableRows{t.name, n};
    }
    return std::nullopt;
}

std::vector<TableRows> rows_per_table(db::Connection& c, const std::vector<Table>& schema) {
    auto names = present_tables(c);
    std::set<std::string> present(names.begin(), names.end());
    std::vector<TableRows> out;
    for (const auto& t : schema)
        if (present.count(t.name)) out.push_back({t.name, count_rows(c, t)});
    return out;
}

Fingerprint fingerprint(db::Connection& c, const Table& t) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    auto add = [&state](std::string_view bytes) {
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
                                  bytes.size());
    };
    Fingerprint f;
    for_each_page(c, t, [&](const db::Result& page) {
        for (const auto& row : page.rows) {
            for (const auto& col : t.columns) {
                // A cell as its length and text; a NULL as a mark no text makes.
                if (auto cell = row.optional_text(col.name)) {
                    add(std::to_string(cell->size()) + ":");
                    add(*cell);
                } else {
                    add("N");
                }
                add(";");
            }
            add("\n");
            ++f.rows;
        }
    });
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    char hex[crypto_generichash_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    f.checksum = hex;
    return f;
}

void begin_snapshot(db::Connection& c) {
    c.run_script(c.engine() == db::Engine::postgresql
                     ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                     : "BEGIN");
}

void empty_tables(db::Connection& c, const std::vector<Table>& schema) {
    for (auto t = schema.rbegin(); t != schema.rend(); ++t) c.run("DELETE FROM " + quoted(t->name));
}

std::int64_t copy_rows(db::Connection& from, db::Connection& to, const Table& t) {
    const std::string head = "INSERT INTO " + quoted(t.name) + " (" + column_list(t) + ")";
    std::int64_t copied = 0;
    std::vector<db::Value> values;
    for_each_page(from, t, [&](const db::Result& page) {
        values.clear();
        for (const auto& row : page.rows) {
            for (const auto& col : t.columns) {
                auto cell = row.optional_text(col.name);
                if (!cell) {
                    values.emplace_back(nullptr);
                    continue;
                }
                // Integers travel as numbers (SQLite keeps their type); a cell that does
                // not read as one goes as text, for the target to judge.
                if (col.integer) {
                    try {
                        std::size_t used = 0;
                        auto n = std::stoll(*cell, &used);
                        if (used == cell->size()) {
                            values.emplace_back(std::int64_t{n});
                            continue;
                        }
                    } catch (const std::exception&) {
                    }
                }
                values.emplace_back(std::move(*cell));
            }
        }
        copied += db::insert_rows(to, head, t.columns.size(), values).changed;
    });
    return copied;
}

void carry_numbering(db::Connection& from, db::Connection& to, const Table& t) {
    const Column* key = integer_key(t);
    if (!t.identity || !key) return;
    auto numbered = [&](db::Connection& c) -> std::int64_t {
        auto r =
            c.engine() == db::Engine::sqlite
                ? c.run(R"sql(SELECT seq AS last FROM sqlite_sequence WHERE name = ?)sql", {t.name})
                : c.run(R"sql(
                           SELECT pg_sequence_last_value(pg_get_serial_sequence(?, ?)::regclass)
                               AS last
                       )sql",
                        {t.name, key->name});
        return r.rows.empty() ? 0 : r.rows.front().integer("last");
    };
    auto highest =
        to.run("SELECT COALESCE(MAX(" + quoted(key->name) + "), 0) AS high FROM " + quoted(t.name))
            .rows.at(0)
            .integer("high");
    highest = std::max({highest, numbered(from), numbered(to)});
    if (highest <= 0) return;
    if (to.engine() == db::Engine::postgresql) {
        to.run(R"sql(SELECT setval(pg_get_serial_sequence(?, ?)::regclass, ?) AS value)sql",
               {t.name, key->name, highest});
    } else if (to.run(R"sql(UPDATE sqlite_sequence SET seq = ? WHERE name = ?)sql",
                      {highest, t.name})
                   .changed == 0) {
        to.run(R"sql(INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?))sql", {t.name, highest});
    }
}

}  // namespace convene::store::backup
