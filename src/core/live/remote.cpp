#include "core/live/remote.hpp"

#include <algorithm>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"

namespace convene::live {

bool valid_meeting_link(std::string_view url) {
    if (url.size() > 2000) return false;
    std::string lower;
    for (char c : url.substr(0, 8)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    std::size_t rest = 0;
    if (lower.rfind("https://", 0) == 0)
        rest = 8;
    else if (lower.rfind("http://", 0) == 0)
        rest = 7;
    else
        return false;
    for (unsigned char c : url)
        if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    auto host = url.substr(rest, url.find_first_of("/?#", rest) - rest);
    if (auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
    if (auto colon = host.rfind(':'); colon != std::string_view::npos && host.front() != '[')
        host = host.substr(0, colon);
    return !host.empty() && host.front() != '.' && host.back() != '.';
}

std::optional<std::string> typed_utc(std::string_view typed) {
    std::string t = trim(typed);
    if (t.size() == 10) t += "T00:00:00Z";
    if (t.size() == 16) t += ":00Z";
    if (t.size() == 19) t += "Z";
    if (t.size() == 20 && t[10] == ' ') t[10] = 'T';
    auto at = parse_utc(t);
    if (!at) return std::nullopt;
    return format_utc(*at);
}

FieldErrors hub_problems(const Hub& hub) {
    FieldErrors out;
    auto city = trim(hub.city);
    if (city.empty() || city.size() > 200) out.push_back({"city", say("hub.city.required")});
    if (!find_country(hub.country)) out.push_back({"country", say("hub.country.unknown")});
    auto host = trim(hub.host);
    if (host.empty() || host.size() > 300) out.push_back({"host", say("hub.host.required")});
    if (hub.expected < 1 || hub.expected > most_hub_participants)
        out.push_back({"expected", say("hub.expected.range")});
    if (!looks_like_email(trim(hub.contact_email)))
        out.push_back({"contact_email", say("hub.contact_email.invalid")});
    return out;
}

std::string hub_name(const Hub& hub) {
    auto c = find_country(hub.country);
    return trim(hub.city) + ", " + (c ? c->name : hub.country);
}

std::string hub_region(const Hub& hub) {
    auto c = find_country(hub.country);
    return c ? c->regional_group : "";
}

HubCounts hubs_by_region(const std::vector<Hub>& hubs) {
    static const std::vector<std::string> order = {"african", "asia_pacific", "eastern_european",
                                                   "grulac",  "weog",         ""};
    HubCounts out;
    for (const auto& region : order) {
        RegionCount line;
        line.region = region;
        line.label = std::string(regional_group_label(region));
        for (const auto& h : hubs)
            if (hub_region(h) == region) {
                ++line.hubs;
                line.participants += h.expected;
            }
        if (line.hubs == 0) continue;
        out.hubs += line.hubs;
        out.participants += line.participants;
        out.regions.push_back(std::move(line));
    }
    return out;
}

}  // namespace convene::live
