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
        case nlohmann::json::value_t::object: {
            mustache::data out{mustache::data::type::object};
            for (auto& [k, v] : value.items()) out.set(k, to_data(v));
            return out;
        }
        case nlohmann::json::value_t::array: {
            mustache::data out{mustache::data::type::list};
            for (auto& v : value) out.push_back(to_data(v));
            return out;
        }
        // An empty string is falsy, so {{#hint}}...{{/hint}} means "when there is a hint".
        case nlohmann::json::value_t::string:
            if (value.get_ref<const std::string&>().empty()) return mustache::data{false};
            return mustache::data{value.get<std::string>()};
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

// Parsed templates, one set per thread: kainjow's render() is not const.
mustache::mustache& compiled(const std::string& name) {
    thread_local std::unordered_map<std::string, mustache::mustache> cache;
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    auto text = asset("templates/" + name + ".mustache");
    if (!text) throw std::runtime_error("no template named " + name);
    auto [it, _] = cache.emplace(name, mustache::mustache(std::string(*text)));
    if (!it->second.is_valid())
        throw std::runtime_error("template " + name + ": " + it->second.error_message());
    return it->second;
}

void add_partials(mustache::data& data) {
    const std::string_view prefix = "templates/partials/";
    for (const auto& [path, text] : assets()) {
        if (path.substr(0, prefix.size()) != prefix) continue;
        auto name = path.substr(prefix.size());
        name = name.substr(0, name.find('.'));
        std::string body(text);
        data.set(std::string(name), mustache::partial([body] { return body; }));
    }
}

}  // namespace

std::string render_template(const std::string& name, const nlohmann::json& view,
                            const LazyValues& lazy) {
    auto data = to_data(view);
    add_partials(data);
    for (const auto& [key, compute] : lazy)
        data.set(key, mustache::lambda([compute](const std::string&) { return compute(); }));
    auto& tmpl = compiled(name);
    auto out = tmpl.render(data);
    if (!tmpl.is_valid())
        throw std::runtime_error("template " + name + ": " + tmpl.error_message());
    return out;
}

}  // namespace convene::web
