#include "web/site/export.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "security/secrets.hpp"

namespace convene::web {

namespace {

bool is_plain_number(const std::string& cell) {
    std::size_t i = cell[0] == '-' ? 1 : 0, digits = 0, points = 0;
    for (; i < cell.size(); ++i) {
        if (cell[i] >= '0' && cell[i] <= '9')
            ++digits;
        else if (cell[i] == '.' && ++points == 1)
            continue;
        else
            return false;
    }
    return digits > 0;
}

// A number with no leading zero ("007" is a code, not seven).
bool is_number_cell(const std::string& cell) {
    if (cell.empty() || !is_plain_number(cell)) return false;
    auto digits = cell.substr(cell[0] == '-' ? 1 : 0);
    return !(digits.size() > 1 && digits[0] == '0' && digits[1] != '.');
}

// The columns whose every filled cell below the heading is a number: written as numbers,
// so a spreadsheet sums and sorts them (a title that happens to be "2030" stays text).
std::vector<bool> numeric_columns(const Table& table) {
    std::vector<bool> numeric, filled;
    for (std::size_t r = 1; r < table.size(); ++r) {
        if (table[r].size() > numeric.size()) {
            numeric.resize(table[r].size(), true);
            filled.resize(table[r].size(), false);
        }
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            if (table[r][c].empty()) continue;
            filled[c] = true;
            numeric[c] = numeric[c] && is_number_cell(table[r][c]);
        }
    }
    for (std::size_t c = 0; c < numeric.size(); ++c) numeric[c] = numeric[c] && filled[c];
    return numeric;
}

}  // namespace

std::string defused(const std::string& cell) {
    // A spreadsheet runs a cell as a formula when it starts with = + - @, also after
    // leading white space, and some treat a leading tab or carriage return the same way.
    auto first = cell.find_first_not_of(" \t\r\n");
    if (cell.empty() || first == std::string::npos) return cell;
    bool formula = std::string_view("=+-@").find(cell[first]) != std::string_view::npos;
    bool control_start = cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n';
    if ((formula || control_start) && !is_plain_number(cell)) return "'" + cell;
    return cell;
}

std::string csv_of(const Table& table) {
    std::string out;
    for (const auto& row : table) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            auto cell = defused(row[i]);
            // Quoted also at ; and tab, where spreadsheets of many locales split cells.
            if (cell.find_first_of(",;\t\"\r\n") == std::string::npos) {
                out += cell;
                continue;
            }
            out += '"';
            for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

std::string xlsx_of(const Table& table, const std::string& sheet_name) {
    // libxlsxwriter writes to a file; a private temporary one, read back and removed.
    auto path = std::filesystem::temp_directory_path() /
                ("convene-" + random_token().substr(0, 16) + ".xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook) throw std::runtime_error("cannot create a spreadsheet");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    auto numeric = numeric_columns(table);
    for (std::size_t r = 0; r < table.size(); ++r)
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            auto row = static_cast<lxw_row_t>(r);
            auto col = static_cast<lxw_col_t>(c);
            const auto& cell = table[r][c];
            if (r > 0 && c < numeric.size() && numeric[c] && !cell.empty())
                worksheet_write_number(sheet, row, col, std::stod(cell), nullptr);
            else if (r > 0 && cell.empty())
                continue;  // an empty cell, not an empty text a sum would trip on
            else
                worksheet_write_string(sheet, row, col, cell.c_str(), r == 0 ? bold : nullptr);
        }
    if (!table.empty()) worksheet_freeze_panes(sheet, 1, 0);
    if (workbook_close(workbook) != LXW_NO_ERROR) {
        std::filesystem::remove(path);
        throw std::runtime_error("cannot write the spreadsheet");
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return bytes.str();
}

http::Response csv_download(const Table& table, const std::string& name) {
    auto r = http::Response::text(csv_of(table));
    r.content_type = "text/csv; charset=utf-8";
    r.set_header("content-disposition", "attachment; filename=\"" + name + ".csv\"");
    r.set_header("cache-control", "no-store");
    return r;
}

http::Response xlsx_download(const Table& table, const std::string& name,
                             const std::string& sheet_name) {
    http::Response r;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = xlsx_of(table, sheet_name);
    r.set_header("content-disposition", "attachment; filename=\"" + name + ".xlsx\"");
    r.set_header("cache-control", "no-store");
    return r;
}

}  // namespace convene::web
