#pragma once
// Every sentence the core and the web layer show a person lives in a message catalog
// (data/messages/en.json), looked up by key and filled with named parameters, so the
// interface can be translated without touching C++.
#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convene {

// One named parameter of a message: {{name}} in the catalog's text.
struct MessageParam {
    std::string name;
    std::string value;
    MessageParam(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
    MessageParam(std::string n, std::string_view v) : name(std::move(n)), value(v) {}
    MessageParam(std::string n, const char* v) : name(std::move(n)), value(v) {}
    template <std::integral N>
    MessageParam(std::string n, N v) : name(std::move(n)), value(std::to_string(v)) {}
};
using MessageParams = std::vector<MessageParam>;

// The catalog's text for `key` with its {{name}} placeholders filled. An unknown key or
// a placeholder without a parameter is a programming error: throws std::logic_error.
std::string say(std::string_view key, const MessageParams& params = {});

// The catalog's text for a key without parameters, valid for the whole run (the catalog
// never changes): for labels kept as std::string_view. Throws like say().
std::string_view say_label(std::string_view key);

// What a reader sees for a stored code: the catalog's label `prefix` + `code`
// ("outbox.status." + "queued"), or else the code in words ("flash_session" -> "Flash
// session"), so a page never shows a bare code, even one added after the catalog.
std::string code_label(std::string_view prefix, std::string_view code);
std::string code_words(std::string_view code);

// The keys and texts of the English catalog, for tests and tools.
const std::vector<std::pair<std::string, std::string>>& message_catalog();

// The placeholder names of one text, in order; throws std::logic_error when a "{{" is
// not closed or a name is not made of lower-case letters, digits and _.
std::vector<std::string> message_placeholders(std::string_view text);

}  // namespace convene
