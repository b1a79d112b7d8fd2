#pragma once
// One id type per entity, so a proposal id cannot be passed where an account id is
// expected. Each wraps the database id; in JSON it is the plain number.
#include <compare>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace convene {

template <class Tag>
class Id {
  public:
    Id() = default;
    explicit Id(std::int64_t value) : value_(value) {}
    std::int64_t value() const { return value_; }
    auto operator<=>(const Id&) const = default;
    friend void to_json(nlohmann::json& j, const Id& id) { j = id.value_; }
    friend void from_json(const nlohmann::json& j, Id& id) { id.value_ = j.get<std::int64_t>(); }
    friend std::string to_string(const Id& id) { return std::to_string(id.value_); }

  private:
    std::int64_t value_ = 0;
};

// More aliases (EditionId, AccountId, ...) as code moves to typed ids.
using ProposalId = Id<struct ProposalTag>;

}  // namespace convene

template <class Tag>
struct std::hash<convene::Id<Tag>> {
    std::size_t operator()(const convene::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
