#pragma once
// A request and its response as plain values: the server turns bytes into a Request,
// a handler turns the Request into a Response. Nothing here knows about sockets.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convene::http {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct Request {
    std::string method;  // "GET"
    std::string target;  // as sent: "/editions?page=2"
    std::string path;    // percent-decoded, without the query: "/editions"
    std::string query;   // raw, without '?'
    Headers headers;
    std::string body;
    std::string remote_address;

    std::string_view header(std::string_view lower_case_name) const;
    // The value of one cookie, "" when absent (the first, when several carry the name).
    std::string cookie(std::string_view name) const;
    // Every value sent for the cookie, in every Cookie header.
    std::vector<std::string> cookies(std::string_view name) const;
    // One query parameter, decoded; "" when absent.
    std::string query_param(std::string_view name) const;
    bool is_safe_method() const { return method == "GET" || method == "HEAD"; }
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    Headers headers;
    std::string body;

    void set_header(std::string name, std::string value);
    std::string_view header(std::string_view name) const;

    static Response html(std::string body, int status = 200);
    static Response json(const nlohmann::json& value, int status = 200);
    static Response text(std::string body, int status = 200);
    // 303 See Other: after a form post, the browser GETs the new page.
    static Response redirect(std::string location, int status = 303);
};

struct CookieOptions {
    bool http_only = true;
    bool secure = false;
    std::string same_site = "Lax";
    long max_age_seconds = -1;  // -1: a session cookie; 0: delete
};

std::string set_cookie_value(std::string_view name, std::string_view value,
                             const CookieOptions& options);

// The target as logged: the token of a capability link (/confirm/<token>, ...) replaced
// by "[redacted]", at most 200 characters.
std::string redacted_target(std::string_view target);

// False when the text holds a control character (CR, LF, NUL, ...): such a value never
// goes into a response header.
bool is_safe_header_value(std::string_view text);

std::string percent_decode(std::string_view text, bool plus_as_space);
std::string percent_encode(std::string_view text);

// True when the client prefers JSON (API paths, or Accept naming JSON before HTML).
bool wants_json(const Request& request);

}  // namespace convene::http
