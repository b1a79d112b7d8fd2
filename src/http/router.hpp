#pragma once
// Maps a method and a path to a handler. Patterns name their parameters and may type
// them: "/editions/{edition:int}/themes". A path that matches with another method is a
// 405, not a 404.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::http {

class PathParams {
  public:
    void set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
    const std::string& text(const std::string& name) const { return values_.at(name); }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    // Only for parameters declared :int in the pattern, which the router has checked.
    std::int64_t integer(const std::string& name) const { return std::stoll(values_.at(name)); }
    // The same as a typed id (`params.id<ProposalId>("proposal")`), read once where it enters.
    template <class TypedId>
    TypedId id(const std::string& name) const {
        return TypedId{integer(name)};
    }

  private:
    std::map<std::string, std::string> values_;
};

template <typename Handler>
class Router {
  public:
    struct Match {
        const Handler* handler = nullptr;
        const std::string* pattern = nullptr;  // for metrics: "/editions/{edition:int}"
        PathParams params;
        bool method_not_allowed = false;
    };

    void add(std::string method, std::string pattern, Handler handler) {
        routes_.push_back(
            {std::move(method), split(pattern), std::move(pattern), std::move(handler)});
    }

    Match match(std::string_view method, std::string_view path) const {
        Match result;
        auto parts = split(path);
        for (const auto& route : routes_) {
            PathParams params;
            if (!matches(route.segments, parts, params)) continue;
            bool head_as_get = method == "HEAD" && route.method == "GET";
            if (route.method != method && !head_as_get) {
                result.method_not_allowed = true;
                continue;
            }
            result.handler = &route.handler;
            result.pattern = &route.pattern;
            result.params = std::move(params);
            result.method_not_allowed = false;
            return result;
        }
        return result;
    }

    // Every route as (method, pattern), in the order they were added.
    // Calls f(method, pattern, handler) for every route, in the order they were added.
    template <class F>
    void each(F&& f) const {
        for (const auto& r : routes_) f(r.method, r.pattern, r.handler);
    }

  private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        std::string pattern;
        Handler handler;
    };

    static std::vector<std::string> split(std::string_view path) {
        std::vector<std::string> out;
        while (!path.empty()) {
            if (path.front() == '/') {
                path.remove_prefix(1);
                continue;
            }
            auto end = path.find('/');
            out.emplace_back(path.substr(0, end));
            path = end == path.npos ? std::string_view{} : path.substr(end);
        }
        return out;
    }

    static bool matches(const std::vector<std::string>& pattern,
                        const std::vector<std::string>& parts, PathParams& params) {
        if (pattern.size() != parts.size()) return false;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const auto& p = pattern[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
                auto inner = p.substr(1, p.size() - 2);
                auto colon = inner.find(':');
                auto name = inner.substr(0, colon);
                if (colon != std::string::npos && inner.substr(colon + 1) == "int") {
                    const auto& v = parts[i];
                    if (v.empty() || v.size() > 18 ||
                        v.find_first_not_of("0123456789") != std::string::npos)
                        return false;
                }
                params.set(name, parts[i]);
            } else if (p != parts[i]) {
                return false;
            }
        }
        return true;
    }

    std::vector<Route> routes_;
};

}  // namespace convene::http
