#pragma once
// What is wrong with input, naming the field the user must fix. Validators return a
// list of FieldErrors (a form shows them all); code that stops at the first problem
// throws InputError, the one exception type of the core. Callers read field() and
// message(), never parse what().
#include <stdexcept>
#include <string>
#include <vector>

namespace convene {

struct FieldError {
    std::string field;    // the form field or JSON member, e.g. "name"
    std::string message;  // a sentence for a person, e.g. "Name is required."
};

using FieldErrors = std::vector<FieldError>;

class InputError : public std::invalid_argument {
  public:
    // `field` may be empty when the input as a whole is wrong ("must be a JSON object").
    InputError(std::string field, const std::string& message)
        : std::invalid_argument(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }
    std::string message() const { return what(); }
    FieldError as_field_error() const { return {field_, what()}; }

  private:
    std::string field_;
};

}  // namespace convene
