#include "cli/backup.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/pg_tools.hpp"
#include "core/common/messages.hpp"
#include "database/sqlite_backup.hpp"
#include "store/backup/copy.hpp"
#include "store/backup/schema.hpp"
#include "store/backup/tables.hpp"

namespace convene::cli {

namespace fs = std::filesystem;
using namespace store::backup;

namespace {

bool is_sqlite(const std::string& url) {
    return url.rfind("sqlite:", 0) == 0;
}

std::string sqlite_file(const std::string& url) {
    auto path = url.substr(7);
    if (path.empty() || path == ":memory:")
        throw std::runtime_error(say("backup.no_file", {{"database", url}}));
    return path;
}

// A PostgreSQL URL as it may be printed: without its password.
std::string shown(const std::string& url) {
    auto scheme = url.find("://"), at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
}

// What a file starts with: a SQLite database, a pg_dump archive, or something else.
enum class FileKind { sqlite, pg_dump, other };
FileKind file_kind(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(say("cli.file.unreadable", {{"path", path}}));
    std::string head(16, '\0');
    in.read(head.data(), 16);
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head == std::string("SQLite format 3\0", 16)) return FileKind::sqlite;
    if (head.rfind("PGDMP", 0) == 0) return FileKind::pg_dump;
    return FileKind::other;
}

struct Totals {
    std::size_t tables = 0;
    std::int64_t rows = 0;
};
Totals totals(db::Connection& c, const std::vector<Table>& schema) {
    Totals t;
    for (const auto& each : rows_per_table(c, schema)) {
        ++t.tables;
        t.rows += each.rows;
    }
    return t;
}

std::string last_migration(db::Connection& c) {
    auto applied = applied_migrations(c);
    if (applied.empty()) return "-";
    return applied.back().name;
}

int backup(const std::string& url, const std::string& file) {
    const std::string part = file + ".part";
    fs::remove(part);
    if (is_sqlite(url)) {
        auto path = sqlite_file(url);
        if (!fs::exists(path))
            throw std::runtime_error(say("backup.no_database", {{"path", path}}));
        if (fs::exists(file) && fs::equivalent(file, path))
            throw std::runtime_error(say("backup.same_file", {{"file", file}}));
        Totals t;
        try {
            db::sqlite_backup(path, part);
            auto c = db::connect_sqlite(part);
            t = totals(*c, migrations_schema());
        } catch (...) {
            fs::remove(part);
            throw;
        }
        fs::rename(part, file);
        std::cout << say("backup.wrote_sqlite", {{"file", file},
                                                 {"bytes", fs::file_size(file)},
                                                 {"tables", t.tables},
                                                 {"rows", t.rows}})
                  << "\n";
        return 0;
    }
    auto tool = find_pg_tool("pg_dump");
    int status = run_tool(tool, {"--format=custom", "--file=" + part, "--dbname=" + url});
    if (status != 0) {
        fs::remove(part);
        throw std::runtime_error(say("backup.tool_failed", {{"tool", tool}, {"status", status}}));
    }
    fs::rename(part, file);
    std::cout << say("backup.wrote_postgresql", {{"file", file}, {"bytes", fs::file_size(file)}})
              << "\n";
    return 0;
}

int restore_sqlite(const std::string& url, const std::string& file, bool replace) {
    auto kind = file_kind(file);
    if (kind == FileKind::pg_dump)
        throw std::runtime_error(say("restore.is_pg_dump", {{"file", file}}));
    if (kind != FileKind::sqlite)
        throw std::runtime_error(say("restore.not_backup", {{"file", file}}));
    auto path = sqlite_file(url);
    if (fs::exists(path) && fs::equivalent(path, file))
        throw std::runtime_error(say("restore.same_file", {{"file", file}}));
    auto schema = migrations_schema();
    {
        auto backup = db::connect_sqlite(file);
        if (applied_migrations(*backup).empty())
            throw std::runtime_error(say("restore.not_convene", {{"file", file}}));
    }
    if (fs::exists(path)) {
        auto c = db::connect_sqlite(path);
        auto full = first_table_with_rows(*c, schema, written_by_migrate);
        if (full && !replace)
            throw std::runtime_error(
                say("restore.not_empty",
                    {{"database", path}, {"table", full->table}, {"rows", full->rows}}));
    } else if (auto parent = fs::path(path).parent_path(); !parent.empty()) {
        fs::create_directories(parent);
    }
    db::sqlite_backup(file, path);
    auto c = db::connect_sqlite(path);
    auto t = totals(*c, schema);
    std::cout << say("restore.done_sqlite", {{"file", file},
                                             {"database", path},
                                             {"tables", t.tables},
                                             {"rows", t.rows},
                                             {"migration", last_migration(*c)}})
              << "\n";
    return 0;
}

int restore_postgresql(const std::string& url, const std::string& file, bool replace) {
    if (replace) throw std::runtime_error(say("restore.replace_sqlite_only"));
    auto kind = file_kind(file);
    if (kind == FileKind::sqlite)
        throw std::runtime_error(say("restore.is_sqlite_file", {{"file", file}}));
    if (kind != FileKind::pg_dump)
        throw std::runtime_error(say("restore.not_backup", {{"file", file}}));
    {
        auto c = db::connect_postgresql(url);
        auto present = present_tables(*c);
        if (!present.empty())
            throw std::runtime_error(
                say("restore.database_not_empty", {{"database", shown(url)},
                                                   {"tables", present.size()},
                                                   {"table", present.front()}}));
    }
    auto tool = find_pg_tool("pg_restore");
    int status = run_tool(tool, {"--dbname=" + url, "--no-owner", "--no-privileges",
                                 "--exit-on-error", "--single-transaction", file});
    if (status != 0)
        throw std::runtime_error(say("backup.tool_failed", {{"tool", tool}, {"status", status}}));
    auto c = db::connect_postgresql(url);
    if (applied_migrations(*c).empty())
        throw std::runtime_error(say("restore.not_convene", {{"file", file}}));
    auto t = totals(*c, migrations_schema());
    std::cout << say("restore.done_postgresql", {{"file", file},
                                                 {"database", shown(url)},
                                                 {"tables", t.tables},
                                                 {"rows", t.rows},
                                                 {"migration", last_migration(*c)}})
              << "\n";
    return 0;
}

int copy(const std::string& from, const std::string& to) {
    if (from == to) throw std::runtime_error(say("copy.same_database"));
    if (is_sqlite(from) && !fs::exists(sqlite_file(from)))
        throw std::runtime_error(say("backup.no_database", {{"path", sqlite_file(from)}}));
    if (is_sqlite(from) && is_sqlite(to) && fs::exists(sqlite_file(to)) &&
        fs::equivalent(sqlite_file(from), sqlite_file(to)))
        throw std::runtime_error(say("copy.same_database"));
    auto source = db::Database::open(from, 1);
    auto target = db::Database::open(to, 1);
    auto report = copy_forum(*source, *target, shown(from), shown(to));
    std::int64_t rows = 0;
    std::string differ;
    for (const auto& t : report.tables) {
        rows += t.target.rows;
        if (t.same()) {
            std::cout << say("copy.table_verified", {{"table", t.table}, {"rows", t.target.rows}})
                      << "\n";
            continue;
        }
        differ += (differ.empty() ? "" : ", ") + t.table;
        std::cerr << say("copy.table_differs", {{"table", t.table},
                                                {"source_rows", t.source.rows},
                                                {"target_rows", t.target.rows},
                                                {"source_checksum", t.source.checksum},
                                                {"target_checksum", t.target.checksum}})
                  << "\n";
    }
    if (!differ.empty()) {
        std::cerr << say("copy.not_verified", {{"tables", differ}}) << "\n";
        return 1;
    }
    std::cout << say("copy.verified",
                     {{"tables", report.tables.size()}, {"rows", rows}, {"to", shown(to)}})
              << "\n";
    return 0;
}

}  // namespace

void add_backup_commands(CLI::App& cli, BackupCommands& commands) {
    commands.backup = cli.add_subcommand("backup", say("cli.help.backup"));
    commands.backup->add_option("FILE", commands.file, say("cli.help.backup.file"))->required();
    commands.restore = cli.add_subcommand("restore", say("cli.help.restore"));
    commands.restore->add_option("FILE", commands.file, say("cli.help.restore.file"))->required();
    commands.restore->add_flag("--replace", commands.replace, say("cli.help.restore.replace"));
    commands.copy = cli.add_subcommand("copy", say("cli.help.copy"));
    commands.copy->add_option("--from", commands.from, say("cli.help.copy.from"))->required();
    commands.copy->add_option("--to", commands.to, say("cli.help.copy.to"))->required();
}

std::optional<int> run_backup_commands(const BackupCommands& commands,
                                       const std::string& database_url) {
    if (commands.backup->parsed()) return backup(database_url, commands.file);
    if (commands.restore->parsed())
        return is_sqlite(database_url)
                   ? restore_sqlite(database_url, commands.file, commands.replace)
                   : restore_postgresql(database_url, commands.file, commands.replace);
    if (commands.copy->parsed()) return copy(commands.from, commands.to);
    return std::nullopt;
}

}  // namespace convene::cli
