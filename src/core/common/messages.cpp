#include "core/common/messages.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/common/assets.hpp"

namespace convene {
namespace {

struct Catalog {
    std::vector<std::pair<std::string, std::string>> entries;
    std::map<std::string, std::string, std::less<>> by_key;
};

// Read once: the catalog is compiled into the binary and never changes while it runs.
const Catalog& catalog() {
    static const Catalog loaded = [] {
        auto text = asset("data/messages/en.json");
        if (!text) throw std::logic_error("data/messages/en.json is not compiled in");
        auto j = nlohmann::json::parse(*text);
        Catalog c;
        for (auto& [key, value] : j.items()) {
            if (!value.is_string())
                throw std::logic_error("message " + key + " in en.json is not text");
            c.entries.emplace_back(key, value.get<std::string>());
            c.by_key.emplace(key, value.get<std::string>());
        }
        return c;
    }();
    return loaded;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& message_catalog() {
    return catalog().entries;
}

std::vector<std::string> message_placeholders(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t at = text.find("{{"); at != text.npos; at = text.find("{{", at)) {
        auto end = text.find("}}", at + 2);
        if (end == text.npos)
            throw std::logic_error("unclosed {{ in \"" + std::string(text) + "\"");
        std::string name(text.substr(at + 2, end - at - 2));
        bool ok = !name.empty();
        for (char c : name) ok = ok && is_name_char(c);
        if (!ok) throw std::logic_error("bad placeholder {{" + name + "}}");
        names.push_back(name);
        at = end + 2;
    }
    return names;
}

std::string_view say_label(std::string_view key) {
    const auto& by_key = catalog().by_key;
    auto it = by_key.find(key);
    if (it == by_key.end())
        throw std::logic_error("no message " + std::string(key) + " in en.json");
    if (!message_placeholders(it->second).empty())
        throw std::logic_error("message " + std::string(key) + " needs parameters");
    return it->second;
}

std::string code_words(std::string_view code) {
    std::string words(code);
    for (auto& c : words)
        if (c == '_') c = ' ';
    if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = char(words[0] - 'a' + 'A');
    return words;
}

std::string code_label(std::string_view prefix, std::string_view code) {
    const auto& by_key = catalog().by_key;
    auto it = by_key.find(std::string(prefix) + std::string(code));
    return it == by_key.end() ? code_words(code) : it->second;
}

std::string say(std::string_view key, const MessageParams& params) {
    const auto& by_key = catalog().by_key;
    auto it = by_key.find(key);
    if (it == by_key.end())
        throw std::logic_error("no message " + std::string(key) + " in en.json");
    const std::string& text = it->second;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find("{{"); at != text.npos; at = text.find("{{", from)) {
        auto end = text.find("}}", at + 2);
        if (end == text.npos) break;
        out.append(text, from, at - from);
        std::string_view name(text.data() + at + 2, end - at - 2);
        const MessageParam* found = nullptr;
        for (const auto& p : params)
            if (p.name == name) found = &p;
        if (!found)
            throw std::logic_error("message " + std::string(key) + " needs {{" + std::string(name) +
                                   "}}");
        out += found->value;
        from = end + 2;
    }
    out.append(text, from);
    return out;
}

}  // namespace convene
