#include "web/site/render.hpp"

#include <kainjow/mustache.hpp>
#include <stdexcept>
#include <unordered_map>

#include "core/common/assets.hpp"
#include "core/common/text.hpp"

namespace convene::web {

namespace mustache = kainjow::mustache;

namespace {

mustache::data to_data(const nlohmann::json& value) {
    switch (value.type()) {
        // kainjow's set() and push_back() copy their argument, which copies the whole subtree
        // again at every level; each child is moved in instead.
        case nlohmann::json::value_t::object: {
            mustache::data out{mustache::data::type::object};
            for (auto& [k, v] : value.items()) out[k] = to_data(v);
            return out;
        }
        case nlohmann::json::value_t::array: {
            mustache::data out{mustache::data::type::list};
            // The list is a plain member vector that kainjow only hands out as const.
            auto& items = const_cast<mustache::list&>(out.list_value());
            items.reserve(value.size());
            for (auto& v : value) items.push_back(to_data(v));
            return out;
        }
        // An empty string is falsy, so {{#hint}}...{{/hint}} means "when there is a hint".
        case nlohmann::json::value_t::string:
            if (value.get_ref<const std::string&>().empty()) return mustache::data{false};
            return mustache::data{value.get_ref<const std::string&>()};
        case nlohmann::json::value_t::boolean:
            return mustache::data{value.get<bool>()};
        case nlohmann::json::value_t::null:
            return mustache::data{false};
        // One precision for every measure on a page ("4.78", never "4.778" beside "5.0").
        case nlohmann::json::value_t::number_float:
            return mustache::data{decimal_text(value.get<double>())};
        default:
            return mustache::data{value.dump()};
    }
}

// A template with each {{>name}} replaced by templates/partials/name.mustache, itself so
// expanded. kainjow renders a partial by parsing its text again at every use, which inside a
// list ({{#items}}{{>time}}{{/items}}) meant a parse per item; inlined, a template is parsed
// once. Partials render in the context of their tag, exactly as inlined text does.
std::string with_partials(const std::string& name, std::string text, int depth = 0) {
    if (depth > 8) throw std::runtime_error("template " + name + ": partials nest too deep");
    std::string out;
    std::size_t from = 0;
    for (auto at = text.find("{{>"); at != text.npos; at = text.find("{{>", from)) {
        auto end = text.find("}}", at);
        if (end == text.npos) break;
        auto partial = trim(text.substr(at + 3, end - at - 3));
        auto body = asset("templates/partials/" + partial + ".mustache");
        if (!body) throw std::runtime_error("template " + name + ": no partial " + partial);
        out.append(text, from, at - from);
        out += with_partials(name, std::string(*body), depth + 1);
        from = end + 2;
    }
    out.append(text, from);
    return out;
}

// Parsed templates, one set per thread: kainjow's render() is not const.
mustache::mustache& compiled(const std::string& name) {
    thread_local std::unordered_map<std::string, mustache::mustache> cache;
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    auto text = asset("templates/" + name + ".mustache");
    if (!text) throw std::runtime_error("no template named " + name);
    auto [it, _] = cache.emplace(name, mustache::mustache(with_partials(name, std::string(*text))));
    if (!it->second.is_valid())
        throw std::runtime_error("template " + name + ": " + it->second.error_message());
    return it->second;
}

}  // namespace

std::string render_template(const std::string& name, const nlohmann::json& view,
                            const LazyValues& lazy) {
    auto data = to_data(view);
    for (const auto& [key, compute] : lazy)
        data.set(key, mustache::lambda([compute](const std::string&) { return compute(); }));
    auto& tmpl = compiled(name);
    auto out = tmpl.render(data);
    if (!tmpl.is_valid())
        throw std::runtime_error("template " + name + ": " + tmpl.error_message());
    return out;
}

}  // namespace convene::web
