#pragma once
// Remote participation, pure: a session's or meeting's online link (to the meeting tool
// in use, http or https only) published from a date the Secretariat sets, and remote hubs
// (a city's group following chosen sessions together), with the Secretariat's counts of
// hubs and expected participants by region (the UN regional group of the hub's country).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/field_error.hpp"

namespace convene::live {

// An address a browser opens safely: "http://" or "https://", a host, no spaces or
// control characters, at most 2,000 characters. javascript:, data: and the rest are not.
bool valid_meeting_link(std::string_view url);

// Links are shown from `from` (UTC "YYYY-MM-DDTHH:MM:SSZ") on; never while it is unset.
inline bool online_links_published(const std::string& from, const std::string& now_utc) {
    return !from.empty() && now_utc >= from;
}

// A UTC time typed as "2027-06-01T09:00:00Z", "2027-06-01T09:00", "2027-06-01 09:00" or
// "2027-06-01" (midnight), stored as "2027-06-01T09:00:00Z"; nullopt for anything else.
std::optional<std::string> typed_utc(std::string_view typed);

struct Hub {
    std::string city, country;  // country: ISO code from data/countries.csv
    std::string host;           // the host organisation
    std::int64_t expected = 0;  // expected participants, 1..100000
    std::string contact_email;
};
inline constexpr std::int64_t most_hub_participants = 100000;

// Every problem of the hub, by field (city, country, host, expected, contact_email).
FieldErrors hub_problems(const Hub& hub);
// "Nairobi, Kenya": how the queue and the lists name the hub.
std::string hub_name(const Hub& hub);
// The regional group code of the hub's country ("" when it has none).
std::string hub_region(const Hub& hub);

struct RegionCount {
    std::string region;  // regional group code; "" for countries outside the groups
    std::string label;   // "African Group"
    int hubs = 0;
    std::int64_t participants = 0;
};
// One line per region that has hubs, in the order of the regional groups, then a total.
struct HubCounts {
    std::vector<RegionCount> regions;
    int hubs = 0;
    std::int64_t participants = 0;
};
HubCounts hubs_by_region(const std::vector<Hub>& hubs);

}  // namespace convene::live
