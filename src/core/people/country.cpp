#include "core/people/country.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/common/assets.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

namespace {

std::vector<std::string> split_csv_line(std::string_view line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
    }
    return cells;
}

}  // namespace

std::vector<Country> parse_countries(std::string_view csv) {
    std::vector<Country> out;
    std::size_t line_no = 0;
    while (!csv.empty()) {
        auto end = csv.find('\n');
        auto line = csv.substr(0, end);
        csv = end == csv.npos ? std::string_view{} : csv.substr(end + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1 || line.empty()) continue;  // header
        auto cells = split_csv_line(line);
        if (cells.size() != 6)
            throw std::runtime_error("countries.csv line " + std::to_string(line_no) +
                                     ": expected 6 columns");
        out.push_back(
            {cells[0], cells[1], cells[2], cells[3] == "1", cells[4] == "1", cells[5] == "1"});
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.code < b.code; });
    return out;
}

const std::vector<Country>& countries() {
    static const std::vector<Country> all = parse_countries(asset("data/countries.csv").value());
    return all;
}

const Country* find_country(std::string_view code) {
    std::string upper(code);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto& all = countries();
    auto it = std::lower_bound(all.begin(), all.end(), upper,
                               [](const Country& c, const std::string& k) { return c.code < k; });
    return it != all.end() && it->code == upper ? &*it : nullptr;
}

std::string_view regional_group_label(std::string_view code) {
    if (code == "african") return say_label("regional_group.african");
    if (code == "asia_pacific") return say_label("regional_group.asia_pacific");
    if (code == "eastern_european") return say_label("regional_group.eastern_european");
    if (code == "grulac") return say_label("regional_group.grulac");
    if (code == "weog") return say_label("regional_group.weog");
    return say_label("regional_group.none");
}

}  // namespace convene
