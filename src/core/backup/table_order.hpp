#pragma once
// The order a forum's tables are copied in: every table after the tables its foreign
// keys point to, so each row finds the rows it references already there.
#include <string>
#include <vector>

namespace convene {

struct TableReferences {
    std::string table;
    std::vector<std::string> references;  // tables its foreign keys point to (itself allowed)
};

// The tables, each after those it references and otherwise in the order given (the order
// the migrations made them). A reference to a table not in the list is ignored; a cycle
// between tables throws std::logic_error naming them.
std::vector<std::string> foreign_key_order(const std::vector<TableReferences>& tables);

}  // namespace convene
