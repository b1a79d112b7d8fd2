#pragma once
// Countries with the facts the forum reports on: UN regional group (derived from
// country, never asked of people) and the developing / LDC / SIDS flags.
#include <string>
#include <string_view>
#include <vector>

namespace convene {

struct Country {
    std::string code;            // ISO 3166-1 alpha-2, e.g. "KE"
    std::string name;            // UN short name
    std::string regional_group;  // african, asia_pacific, eastern_european, grulac, weog, or ""
    bool developing = false;     // UN M49 developing region
    bool least_developed = false;
    bool small_island = false;  // SIDS
};

// The list shipped in data/countries.csv, sorted by code.
const std::vector<Country>& countries();

// nullptr when the code is unknown; the code is matched case-insensitively.
const Country* find_country(std::string_view code);

// Parses the CSV form of data/countries.csv; throws std::runtime_error naming the line.
std::vector<Country> parse_countries(std::string_view csv);

// "African Group", "Asia-Pacific Group", ... for a regional group code.
std::string_view regional_group_label(std::string_view code);

}  // namespace convene
