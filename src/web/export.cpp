#include "web/export.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "security/secrets.hpp"

namespace convene::web {

namespace {
std::string defused(const std::string& cell) {
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@'))
        return "'" + cell;
    return cell;
}
}  // namespace

std::string csv_of(const Table& table) {
    std::string out;
    for (const auto& row : table) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            auto cell = defused(row[i]);
            if (cell.find_first_of(",\"\r\n") == std::string::npos) {
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
    for (std::size_t r = 0; r < table.size(); ++r)
        for (std::size_t c = 0; c < table[r].size(); ++c)
            worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                   table[r][c].c_str(), r == 0 ? bold : nullptr);
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
    return r;
}

http::Response xlsx_download(const Table& table, const std::string& name,
                             const std::string& sheet_name) {
    http::Response r;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = xlsx_of(table, sheet_name);
    r.set_header("content-disposition", "attachment; filename=\"" + name + ".xlsx\"");
    return r;
}

}  // namespace convene::web
