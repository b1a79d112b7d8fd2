#include "fuzz/target.hpp"

namespace convene::fuzz {

std::vector<Registered>& targets() {
    static std::vector<Registered> all;
    return all;
}

}  // namespace convene::fuzz
