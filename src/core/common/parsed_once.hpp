#pragma once
// Settings stored as JSON text (the call, the evaluation round) are read on nearly every
// page; parsing them cost more than the query that fetched them. parsed_once keeps what a
// text parsed to, per thread and keyed by the text itself, so a change saved by any node is
// seen at once: a new text is simply parsed anew.
#include <string>
#include <string_view>
#include <unordered_map>

namespace convene {

// `parse` must depend on the text alone. Each call site (each lambda) has its own memory.
template <typename T, typename Parse>
T parsed_once(std::string_view text, Parse parse) {
    thread_local std::unordered_map<std::string, T> seen;
    std::string key(text);
    if (auto it = seen.find(key); it != seen.end()) return it->second;
    if (seen.size() >= 64) seen.clear();  // a handful of editions, each with one text
    T value = parse(text);
    seen.emplace(std::move(key), value);
    return value;
}

}  // namespace convene
