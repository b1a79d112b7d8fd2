#pragma once
// Client addresses: ranges in CIDR notation (for --trusted-proxy), and the address a
// request really comes from when it passed through a trusted reverse proxy.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace convene::http {

struct AddressRange {
    std::array<unsigned char, 16> bytes{};  // IPv4 as an IPv4-mapped IPv6 address
    int prefix = 128;                       // bits, counted in the 128-bit form
};

// "10.0.0.0/8", "::1/128", "192.168.1.7" (one address); nullopt when malformed.
std::optional<AddressRange> parse_cidr(std::string_view text);
bool in_range(std::string_view address, const AddressRange& range);
bool in_any(std::string_view address, const std::vector<AddressRange>& ranges);
bool is_loopback(std::string_view address);
// What counts as one client for per-address limits: an IPv4 address, or an IPv6
// address's /64 network (one subscriber's line hands out a whole /64).
std::string address_group(std::string_view address);

// The connecting address, or, when that is a trusted proxy, the nearest address in
// X-Forwarded-For that is not one (read from the right, as proxies append).
std::string client_address(const Request& request, const std::vector<AddressRange>& trusted);

}  // namespace convene::http
