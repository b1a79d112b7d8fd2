#include "web/site/memo.hpp"

#include <map>
#include <mutex>

namespace convene::web {

namespace {

struct Entry {
    std::string fingerprint;
    std::shared_ptr<const void> value;
};

std::mutex memo_mutex;
std::map<std::pair<std::string, EditionId>, Entry>& entries() {
    static std::map<std::pair<std::string, EditionId>, Entry> all;
    return all;
}

}  // namespace

std::shared_ptr<const void> memo_lookup(const std::string& name, EditionId edition,
                                        const std::string& fingerprint) {
    std::lock_guard lock(memo_mutex);
    auto it = entries().find({name, edition});
    if (it == entries().end() || it->second.fingerprint != fingerprint) return nullptr;
    return it->second.value;
}

void memo_store(const std::string& name, EditionId edition, const std::string& fingerprint,
                std::shared_ptr<const void> value) {
    std::lock_guard lock(memo_mutex);
    entries()[{name, edition}] = {fingerprint, std::move(value)};
}

}  // namespace convene::web
