#pragma once
// A validation failure that names the field the user must fix.
#include <string>
#include <vector>

namespace convene {

struct FieldError {
    std::string field;    // the form field or JSON member, e.g. "name"
    std::string message;  // a sentence for a person, e.g. "Name is required."
};

using FieldErrors = std::vector<FieldError>;

}  // namespace convene
