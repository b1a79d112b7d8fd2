#include "http/message.hpp"

#include <nlohmann/json.hpp>

namespace convene::http {

std::string_view Request::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return {};
}

std::vector<std::string> Request::cookies(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [header_name, value] : headers) {
        if (header_name != "cookie") continue;
        std::string_view all = value;
        while (!all.empty()) {
            auto end = all.find(';');
            auto pair = all.substr(0, end);
            all = end == all.npos ? std::string_view{} : all.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
            auto eq = pair.find('=');
            if (eq != pair.npos && pair.substr(0, eq) == name)
                out.emplace_back(pair.substr(eq + 1));
        }
    }
    return out;
}

std::string Request::cookie(std::string_view name) const {
    auto all = cookies(name);
    return all.empty() ? std::string() : std::move(all.front());
}

std::string Request::query_param(std::string_view name) const {
    std::string_view q = query;
    while (!q.empty()) {
        auto end = q.find('&');
        auto pair = q.substr(0, end);
        q = end == q.npos ? std::string_view{} : q.substr(end + 1);
        auto eq = pair.find('=');
        if (percent_decode(pair.substr(0, eq), true) == name)
            return eq == pair.npos ? "" : percent_decode(pair.substr(eq + 1), true);
    }
    return {};
}

void Response::set_header(std::string name, std::string value) {
    for (auto& [k, v] : headers)
        if (k == name && name != "set-cookie") {
            v = std::move(value);
            return;
        }
    headers.emplace_back(std::move(name), std::move(value));
}

// Capability links (/co-organise/<token>, /confirm/<token>, /verify/<token>, and those
// inside a next= parameter, percent-encoded or not) grant something to whoever holds
// them: every run of 32 or more hex digits is logged as "[redacted]".
std::string redacted_target(std::string_view target) {
    auto is_hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    std::string out;
    std::size_t i = 0;
    while (i < target.size() && out.size() < 200) {
        std::size_t j = i;
        while (j < target.size() && is_hex(target[j])) ++j;
        if (j - i >= 32) {
            out += "[redacted]";
            i = j;
        } else if (j > i) {
            out.append(target.substr(i, j - i));
            i = j;
        } else {
            out += target[i++];
        }
    }
    return out.substr(0, 200);
}

bool is_safe_header_value(std::string_view text) {
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
    }
    return true;
}

std::string_view Response::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return {};
}

Response Response::html(std::string body, int status) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::json(const nlohmann::json& value, int status) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

Response Response::text(std::string body, int status) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

Response Response::redirect(std::string location, int status) {
    Response r;
    r.status = status;
    r.set_header("location", std::move(location));
    return r;
}

std::string set_cookie_value(std::string_view name, std::string_view value,
                             const CookieOptions& o) {
    std::string out = std::string(name) + "=" + std::string(value) + "; Path=/";
    if (o.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(o.max_age_seconds);
    if (o.http_only) out += "; HttpOnly";
    if (o.secure) out += "; Secure";
    if (!o.same_site.empty()) out += "; SameSite=" + o.same_site;
    return out;
}

std::string percent_decode(std::string_view text, bool plus_as_space) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%' && i + 2 < text.size() + 0 && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else if (c == '+' && plus_as_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

bool wants_json(const Request& request) {
    if (request.path.rfind("/api/", 0) == 0) return true;
    auto accept = request.header("accept");
    auto json = accept.find("application/json");
    if (json == accept.npos) json = accept.find("application/problem+json");
    auto html = accept.find("text/html");
    return json != accept.npos && (html == accept.npos || json < html);
}

}  // namespace convene::http
