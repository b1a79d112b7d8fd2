#pragma once
// The one error type of the web layer. Thrown anywhere below a handler; rendered
// once, as an HTML page or as an RFC 9457 problem document, by content negotiation.
#include <stdexcept>
#include <string>

#include "core/common/field_error.hpp"

namespace convene::http {

class Error : public std::runtime_error {
  public:
    Error(int status, std::string title, std::string detail, FieldErrors fields = {})
        : std::runtime_error(detail),
          status_(status),
          title_(std::move(title)),
          detail_(std::move(detail)),
          fields_(std::move(fields)) {}

    int status() const { return status_; }
    const std::string& title() const { return title_; }
    const std::string& detail() const { return detail_; }
    const FieldErrors& fields() const { return fields_; }

  private:
    int status_;
    std::string title_, detail_;
    FieldErrors fields_;
};

inline Error bad_request(std::string detail, FieldErrors fields = {}) {
    return Error(400, "Bad request", std::move(detail), std::move(fields));
}
inline Error unauthorized(std::string detail = "Please sign in first.") {
    return Error(401, "Sign-in required", std::move(detail));
}
inline Error forbidden(std::string detail = "Your account may not open this page.") {
    return Error(403, "Not allowed", std::move(detail));
}
inline Error not_found(std::string detail = "There is no page at this address.") {
    return Error(404, "Not found", std::move(detail));
}
inline Error conflict(std::string detail, FieldErrors fields = {}) {
    return Error(409, "Conflict", std::move(detail), std::move(fields));
}
inline Error unprocessable(FieldErrors fields) {
    return Error(422, "Some fields need attention",
                 "Please correct the fields marked below and send the form again.",
                 std::move(fields));
}

}  // namespace convene::http
