#pragma once
// JSON from outside (request bodies, files given to the command line, stored documents):
// parsed with a nesting limit and with every number finite, so no input can exhaust the
// stack or smuggle an infinity into the domain.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace convene {

inline constexpr int max_json_depth = 64;

// Why outside JSON was refused. `field` names the member ("speakers[2].name") when the
// fault is in one value; `malformed` means the text is not JSON at all.
class JsonInputError : public std::runtime_error {
  public:
    JsonInputError(std::string message, std::string field, std::size_t byte, bool malformed)
        : std::runtime_error(std::move(message)),
          field_(std::move(field)),
          byte_(byte),
          malformed_(malformed) {}
    const std::string& field() const { return field_; }
    std::size_t byte() const { return byte_; }
    bool malformed() const { return malformed_; }

  private:
    std::string field_;
    std::size_t byte_;
    bool malformed_;
};

// Throws JsonInputError: malformed text, nesting deeper than max_depth, a number that
// is not finite (1e999) or an integer out of the 64-bit range.
nlohmann::json parse_json_input(std::string_view text, int max_depth = max_json_depth);

}  // namespace convene
