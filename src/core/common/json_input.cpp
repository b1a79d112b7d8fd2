#include "core/common/json_input.hpp"

#include <cmath>
#include <vector>

#include "core/common/messages.hpp"

namespace convene {

namespace {

// The path of the value being parsed, kept from the parser's events: one entry per open
// object or array, holding the last key or the next index.
struct Path {
    struct Level {
        bool array = false;
        std::size_t index = 0;
        std::string key;
    };
    std::vector<Level> levels;

    std::string text() const {
        std::string out;
        for (const auto& l : levels) {
            if (l.array) {
                out += "[" + std::to_string(l.index) + "]";
            } else if (!l.key.empty()) {
                if (!out.empty()) out += '.';
                out += l.key;
            }
        }
        return out;
    }
    // A value (or a nested container) was completed inside the current level.
    void value_done() {
        if (!levels.empty() && levels.back().array) ++levels.back().index;
    }
};

}  // namespace

nlohmann::json parse_json_input(std::string_view text, int max_depth) {
    using event = nlohmann::json::parse_event_t;
    Path path;
    auto on_event = [&](int depth, event e, nlohmann::json& parsed) {
        switch (e) {
            case event::object_start:
            case event::array_start:
                if (depth >= max_depth)
                    throw JsonInputError(say("json.too_deep", {{"max", max_depth}}), "", 0, false);
                path.levels.push_back({e == event::array_start, 0, {}});
                break;
            case event::object_end:
            case event::array_end:
                if (!path.levels.empty()) path.levels.pop_back();
                path.value_done();
                break;
            case event::key:
                if (!path.levels.empty() && parsed.is_string())
                    path.levels.back().key = parsed.get<std::string>();
                break;
            case event::value:
                if (parsed.is_number_float() && !std::isfinite(parsed.get<double>()))
                    throw JsonInputError(say("json.number_too_large"), path.text(), 0, false);
                path.value_done();
                break;
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), on_event);
    } catch (const nlohmann::json::parse_error& e) {
        std::string why = e.what();
        bool utf8 = why.find("UTF-8") != why.npos || why.find("utf-8") != why.npos;
        throw JsonInputError(say(utf8 ? "json.not_utf8" : "json.malformed", {{"byte", e.byte}}), "",
                             e.byte, true);
    } catch (const nlohmann::json::out_of_range&) {
        throw JsonInputError(say("json.number_out_of_range"), path.text(), 0, false);
    }
}

}  // namespace convene
