#pragma once
// convene backup FILE, convene restore FILE [--replace], convene copy --from URL --to URL:
// a forum saved, brought back, and moved between SQLite and PostgreSQL, verified row
// for row.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace convene::cli {

struct BackupCommands {
    CLI::App* backup = nullptr;
    CLI::App* restore = nullptr;
    CLI::App* copy = nullptr;
    std::string file;      // backup's and restore's FILE
    bool replace = false;  // restore over a SQLite database that holds a forum
    std::string from, to;  // copy's databases
};

void add_backup_commands(CLI::App& cli, BackupCommands& commands);

// The exit status of the command given, when it is one of these three.
std::optional<int> run_backup_commands(const BackupCommands& commands,
                                       const std::string& database_url);

}  // namespace convene::cli
