#include "core/backup/table_order.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace convene {

std::vector<std::string> foreign_key_order(const std::vector<TableReferences>& tables) {
    std::set<std::string> known, placed;
    for (const auto& t : tables) known.insert(t.table);
    std::vector<std::string> order;
    std::vector<const TableReferences*> waiting;
    for (const auto& t : tables) waiting.push_back(&t);
    while (!waiting.empty()) {
        // The first waiting table whose references are all placed (or itself, or unknown).
        auto ready = std::find_if(waiting.begin(), waiting.end(), [&](const TableReferences* t) {
            return std::all_of(t->references.begin(), t->references.end(),
                               [&](const std::string& r) {
                                   return r == t->table || !known.count(r) || placed.count(r);
                               });
        });
        if (ready == waiting.end()) {
            std::string names;
            for (const auto* t : waiting) names += (names.empty() ? "" : ", ") + t->table;
            throw std::logic_error("foreign keys form a cycle between: " + names);
        }
        placed.insert((*ready)->table);
        order.push_back((*ready)->table);
        waiting.erase(ready);
    }
    return order;
}

}  // namespace convene
