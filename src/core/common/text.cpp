#include "core/common/text.hpp"

#include <cctype>
#include <cstdio>

#include "core/common/messages.hpp"

namespace convene {

bool is_valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0, n = text.size();
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += len;
    }
    return true;
}

std::size_t count_characters(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool has_control_characters(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
        // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < text.size() && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) return true;
    }
    return false;
}

std::string trim(std::string_view text) {
    // ASCII white space, and the no-break space and byte-order mark that pasted text carries.
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (bool changed = true; changed;) {
        changed = false;
        while (!text.empty() && is_space(text.front())) text.remove_prefix(1), changed = true;
        while (!text.empty() && is_space(text.back())) text.remove_suffix(1), changed = true;
        for (std::string_view blank : {"\xc2\xa0", "\xef\xbb\xbf"}) {
            if (text.starts_with(blank)) text.remove_prefix(blank.size()), changed = true;
            if (text.ends_with(blank)) text.remove_suffix(blank.size()), changed = true;
        }
    }
    return std::string(text);
}

std::optional<FieldError> check_text(const TextRule& rule, std::string_view value) {
    if (!is_valid_utf8(value))
        return FieldError{rule.field, say("text.not_utf8", {{"label", rule.label}})};
    bool bad_control = has_control_characters(value);
    if (!rule.multiline && (value.find('\n') != value.npos || value.find('\r') != value.npos))
        bad_control = true;
    if (bad_control)
        return FieldError{rule.field, say("text.control_characters", {{"label", rule.label}})};
    if (rule.required && trim(value).empty())
        return FieldError{rule.field, say("text.required", {{"label", rule.label}})};
    if (rule.max_characters > 0) {
        std::size_t n = count_characters(value);
        if (n > rule.max_characters)
            return FieldError{rule.field, say("text.too_long", {{"label", rule.label},
                                                                {"length", n},
                                                                {"max", rule.max_characters}})};
    }
    return std::nullopt;
}

std::vector<std::string> split_items(std::string_view text, std::string_view separators,
                                     bool keep_empty) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        auto item = trim(current);
        if (keep_empty || !item.empty()) out.push_back(std::move(item));
        current.clear();
    };
    for (char c : text) {
        if (c == '\n' || separators.find(c) != std::string_view::npos)
            flush();
        else if (c != '\r')
            current += c;
    }
    flush();
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool looks_like_email(std::string_view text) {
    auto at = text.find('@');
    if (at == text.npos || at == 0 || at + 1 >= text.size()) return false;
    if (text.find('@', at + 1) != text.npos) return false;
    auto domain = text.substr(at + 1);
    if (domain.find('.') == domain.npos || domain.front() == '.' || domain.back() == '.')
        return false;
    for (unsigned char c : text)
        if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
    return true;
}

bool is_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    int y = std::stoi(std::string(t.substr(0, 4)));
    int m = std::stoi(std::string(t.substr(5, 2)));
    int d = std::stoi(std::string(t.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= max;
}

bool looks_like_time_zone(std::string_view t) {
    if (t.empty() || t.size() > 64) return false;
    if (t == "UTC") return true;
    bool slash = false;
    char prev = '/';
    for (char c : t) {
        if (c == '/') {
            if (prev == '/') return false;
            slash = true;
        } else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
                     c == '+')) {
            return false;
        }
        prev = c;
    }
    return slash && prev != '/';
}

std::string normal_email(std::string_view email) {
    return ascii_lower(trim(email));
}

std::string decimal_text(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    auto cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace convene
