#include "core/common/json_input.hpp"

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

// Builds the document from the parser's events, as nlohmann's own DOM builder does, with
// the nesting limit and the path kept on the way. (The parser's callback form scans the
// whole enclosing array after each object ends, which made a list of 60,000 objects take
// a second.)
class Builder {
  public:
    using json = nlohmann::json;
    explicit Builder(int max_depth) : max_depth_(max_depth) {}

    json root;
    Path path;

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
    bool string(json::string_t& v) { return value(std::move(v)); }
    bool binary(json::binary_t& v) { return value(json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(json::object(), false); }
    bool start_array(std::size_t) { return open(json::array(), true); }
    bool key(json::string_t& k) {
        path.levels.back().key = k;
        slot_ = &(*stack_.back())[k];
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;
    }

  private:
    json* place(json&& v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        if (stack_.back()->is_array()) {
            stack_.back()->push_back(std::move(v));
            return &stack_.back()->back();
        }
        *slot_ = std::move(v);
        return slot_;
    }
    template <class T>
    bool value(T&& v) {
        place(json(std::forward<T>(v)));
        path.value_done();
        return true;
    }
    bool open(json&& container, bool array) {
        if (static_cast<int>(stack_.size()) >= max_depth_)
            throw JsonInputError(say("json.too_deep", {{"max", max_depth_}}), "", 0, false);
        stack_.push_back(place(std::move(container)));
        path.levels.push_back({array, 0, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        path.levels.pop_back();
        path.value_done();
        return true;
    }

    int max_depth_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;
};

}  // namespace

nlohmann::json parse_json_input(std::string_view text, int max_depth) {
    Builder builder(max_depth);
    try {
        nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
        return std::move(builder.root);
    } catch (const nlohmann::json::parse_error& e) {
        std::string why = e.what();
        bool utf8 = why.find("UTF-8") != why.npos || why.find("utf-8") != why.npos;
        throw JsonInputError(say(utf8 ? "json.not_utf8" : "json.malformed", {{"byte", e.byte}}), "",
                             e.byte, true);
    } catch (const nlohmann::json::out_of_range&) {
        throw JsonInputError(say("json.number_out_of_range"), builder.path.text(), 0, false);
    }
}

}  // namespace convene
