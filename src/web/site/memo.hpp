#pragma once
// Results derived from an edition's data (the ranking, the people of every proposal,
// similar pairs), kept in memory until the data they come from changes. The key is a
// fingerprint read from the database on each request, so several Convene nodes sharing
// one PostgreSQL never serve each other's stale results.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/common/ids.hpp"

namespace convene::web {

std::shared_ptr<const void> memo_lookup(const std::string& name, EditionId edition,
                                        const std::string& fingerprint);
void memo_store(const std::string& name, EditionId edition, const std::string& fingerprint,
                std::shared_ptr<const void> value);

template <typename T, typename Compute>
std::shared_ptr<const T> memo(const std::string& name, EditionId edition,
                              const std::string& fingerprint, Compute compute) {
    if (auto hit = memo_lookup(name, edition, fingerprint))
        return std::static_pointer_cast<const T>(hit);
    auto value = std::make_shared<const T>(compute());
    memo_store(name, edition, fingerprint, value);
    return value;
}

}  // namespace convene::web
