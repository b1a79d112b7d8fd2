#pragma once
// PostgreSQL's own client programs (pg_dump, pg_restore from Debian's postgresql-client),
// found and run without a shell.
#include <string>
#include <vector>

namespace convene::cli {

// The program's path: on PATH, else the newest under /usr/lib/postgresql/*/bin. Throws
// std::runtime_error naming the program and the package when there is none.
std::string find_pg_tool(const std::string& name);

// Runs the program with `args`, its messages going to our stderr; its exit status.
int run_tool(const std::string& path, const std::vector<std::string>& args);

}  // namespace convene::cli
