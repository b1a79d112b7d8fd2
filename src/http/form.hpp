#pragma once
// Bodies of HTML forms (urlencoded and multipart) and of JSON requests.
// Every name and value is checked for valid UTF-8; a bad one is a 400 naming the field.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace convene::http {

struct UploadedFile {
    std::string field, filename, content_type, content;
};

class Form {
  public:
    // "" when absent; the first value when repeated.
    const std::string& get(std::string_view name) const;
    std::vector<std::string> all(std::string_view name) const;
    bool has(std::string_view name) const;
    void add(std::string name, std::string value) {
        values_.emplace(std::move(name), std::move(value));
    }
    const std::multimap<std::string, std::string, std::less<>>& values() const { return values_; }
    std::vector<UploadedFile> files;

  private:
    std::multimap<std::string, std::string, std::less<>> values_;
};

Form parse_urlencoded(std::string_view body);
Form parse_multipart(std::string_view body, std::string_view boundary);
// Parses the request body by its content type (urlencoded, multipart, or JSON objects
// whose members are strings, numbers or booleans); throws http::Error 400/415.
Form parse_form(const Request& request);

// Parses a JSON body; throws http::Error 400 naming the position of the mistake.
nlohmann::json parse_json_body(const Request& request);

}  // namespace convene::http
