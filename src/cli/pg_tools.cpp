#include "cli/pg_tools.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/common/messages.hpp"

extern char** environ;

namespace convene::cli {

namespace {

bool executable(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// "16" < "17", "9.6" < "10": versions compared number by number.
std::vector<int> version_of(const std::string& folder) {
    std::vector<int> parts;
    std::size_t at = 0;
    while (at < folder.size()) {
        auto end = folder.find('.', at);
        if (end == std::string::npos) end = folder.size();
        try {
            parts.push_back(std::stoi(folder.substr(at, end - at)));
        } catch (const std::exception&) {
            parts.push_back(-1);
        }
        at = end + 1;
    }
    return parts;
}

}  // namespace

std::string find_pg_tool(const std::string& name) {
    if (const char* path = std::getenv("PATH")) {
        std::string dirs = path;
        std::size_t at = 0;
        while (at <= dirs.size()) {
            auto end = dirs.find(':', at);
            if (end == std::string::npos) end = dirs.size();
            auto dir = dirs.substr(at, end - at);
            if (!dir.empty() && executable(std::filesystem::path(dir) / name))
                return (std::filesystem::path(dir) / name).string();
            at = end + 1;
        }
    }
    std::vector<std::pair<std::vector<int>, std::filesystem::path>> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        auto candidate = entry.path() / "bin" / name;
        if (executable(candidate))
            found.emplace_back(version_of(entry.path().filename().string()), candidate);
    }
    if (found.empty()) throw std::runtime_error(say("backup.tool_missing", {{"tool", name}}));
    std::sort(found.begin(), found.end());
    return found.back().second.string();
}

int run_tool(const std::string& path, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(path.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (int error = posix_spawn(&pid, path.c_str(), nullptr, nullptr, argv.data(), environ))
        throw std::runtime_error(
            say("backup.tool_failed_to_start", {{"tool", path}, {"error", std::strerror(error)}}));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw std::runtime_error(std::strerror(errno));
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace convene::cli
