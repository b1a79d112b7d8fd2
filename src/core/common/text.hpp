#pragma once
// Checks on text that arrives from users: every stored string is valid UTF-8,
// free of control characters (tab and newlines excepted), and within its limit.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene {

bool is_valid_utf8(std::string_view text);

// Number of Unicode code points; the text must be valid UTF-8.
std::size_t count_characters(std::string_view text);

// True when text holds a C0/C1 control character other than tab, CR and LF, or DEL.
bool has_control_characters(std::string_view text);

std::string trim(std::string_view text);

// Validates one text field and returns the error for it, if any.
// `label` is what the user sees ("Name"); `max_characters` 0 means no limit.
struct TextRule {
    std::string field;
    std::string label;
    bool required = false;
    std::size_t max_characters = 0;
    bool multiline = false;
};
std::optional<FieldError> check_text(const TextRule& rule, std::string_view value);

// The items of a list typed in one field, split at any of `separators` (and at line
// ends), each trimmed; empty items are left out unless `keep_empty`.
std::vector<std::string> split_items(std::string_view text, std::string_view separators,
                                     bool keep_empty = false);

// A measure that is not a count (a score, a deviation, a similarity) as every page and
// mail shows it, so one measure never appears in two precisions: "4.78", "5.00".
std::string decimal_text(double value);

// Text as people compare names and organisations: Unicode-normalised (NFKC), case-folded
// and with spaces collapsed (ICU), so "José" typed composed or decomposed is one name.
std::string comparison_key(std::string_view text);

// Lower-cases ASCII letters (e-mail addresses, codes).
std::string ascii_lower(std::string_view text);
// The text cut to at most `max_bytes` bytes on a character boundary, "…" added when cut:
// for echoing what someone typed in a message without echoing a megabyte of it.
std::string shortened(std::string_view text, std::size_t max_bytes);
// An e-mail address as accounts are keyed: trimmed and in lower case.
std::string normal_email(std::string_view email);

bool looks_like_email(std::string_view text);

// "2026-06-15": a real calendar date in ISO form.
bool is_iso_date(std::string_view text);

// An IANA time zone name such as "Europe/Paris" or "UTC" (shape only: no I/O here).
bool looks_like_time_zone(std::string_view text);

}  // namespace convene
