#include "http/address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace convene::http {

namespace {

std::optional<std::array<unsigned char, 16>> parse_address(std::string_view text, bool* v4) {
    std::string s(text);
    if (s.size() > 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
    std::array<unsigned char, 16> out{};
    in_addr a4{};
    if (inet_pton(AF_INET, s.c_str(), &a4) == 1) {
        out[10] = out[11] = 0xff;
        std::memcpy(out.data() + 12, &a4, 4);
        if (v4) *v4 = true;
        return out;
    }
    in6_addr a6{};
    if (inet_pton(AF_INET6, s.c_str(), &a6) == 1) {
        std::memcpy(out.data(), &a6, 16);
        if (v4) *v4 = false;
        return out;
    }
    return std::nullopt;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<AddressRange> parse_cidr(std::string_view text) {
    auto slash = text.find('/');
    bool v4 = false;
    auto address = parse_address(text.substr(0, slash), &v4);
    if (!address) return std::nullopt;
    AddressRange range{*address, 128};
    if (slash != std::string_view::npos) {
        auto bits = text.substr(slash + 1);
        if (bits.empty() || bits.size() > 3 || bits.find_first_not_of("0123456789") != bits.npos)
            return std::nullopt;
        int n = std::stoi(std::string(bits));
        if (n > (v4 ? 32 : 128)) return std::nullopt;
        range.prefix = v4 ? 96 + n : n;
    }
    return range;
}

bool in_range(std::string_view address, const AddressRange& range) {
    auto a = parse_address(address, nullptr);
    if (!a) return false;
    int full = range.prefix / 8, rest = range.prefix % 8;
    if (std::memcmp(a->data(), range.bytes.data(), static_cast<std::size_t>(full)) != 0)
        return false;
    if (rest == 0) return true;
    auto mask = static_cast<unsigned char>(0xff << (8 - rest));
    return ((*a)[static_cast<std::size_t>(full)] & mask) ==
           (range.bytes[static_cast<std::size_t>(full)] & mask);
}

bool in_any(std::string_view address, const std::vector<AddressRange>& ranges) {
    for (const auto& r : ranges)
        if (in_range(address, r)) return true;
    return false;
}

bool is_loopback(std::string_view address) {
    static const std::vector<AddressRange> loopback = {*parse_cidr("127.0.0.0/8"),
                                                       *parse_cidr("::1/128")};
    return in_any(address, loopback);
}

std::string address_group(std::string_view address) {
    bool v4 = false;
    auto a = parse_address(address, &v4);
    if (!a || v4) return std::string(address);
    // An IPv4 client on a dual-stack listener (::ffff:a.b.c.d) is that IPv4 address.
    static constexpr unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(std::begin(mapped), std::end(mapped), a->begin())) {
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, a->data() + 12, text, sizeof text);
        return text;
    }
    std::fill(a->begin() + 8, a->end(), 0);
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, a->data(), text, sizeof text);
    return std::string(text) + "/64";
}

std::string client_address(const Request& request, const std::vector<AddressRange>& trusted) {
    if (trusted.empty() || !in_any(request.remote_address, trusted)) return request.remote_address;
    std::string address = request.remote_address;
    // Every X-Forwarded-For header, joined, read from the right.
    std::vector<std::string_view> hops;
    for (const auto& [name, value] : request.headers) {
        if (name != "x-forwarded-for") continue;
        std::string_view v = value;
        while (!v.empty()) {
            auto comma = v.find(',');
            hops.push_back(trim_spaces(v.substr(0, comma)));
            v = comma == v.npos ? std::string_view{} : v.substr(comma + 1);
        }
    }
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        if (!parse_address(*it, nullptr))
            break;  // a forged or garbled hop: stop at the last good one
        address = std::string(*it);
        if (!in_any(address, trusted)) break;
    }
    return address;
}

}  // namespace convene::http
