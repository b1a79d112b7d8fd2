#pragma once
// Tables as the spreadsheets the MAG and the Secretariat work in: CSV and XLSX.
#include <string>
#include <vector>

#include "http/message.hpp"

namespace convene::web {

using Table = std::vector<std::vector<std::string>>;  // first row: the headings

// RFC 4180 CSV. A cell that a spreadsheet would run as a formula (=, +, -, @) gets a
// leading apostrophe, so exported text can never execute.
std::string csv_of(const Table& table);
// A cell that a spreadsheet would run as a formula, quoted with a leading apostrophe
// (plain numbers such as -1.5 stay numbers).
std::string defused(const std::string& cell);

// One worksheet with a bold heading row (libxlsxwriter); throws std::runtime_error.
std::string xlsx_of(const Table& table, const std::string& sheet_name);

// The table as a file to download: "<name>.csv" or "<name>.xlsx" with one worksheet.
http::Response csv_download(const Table& table, const std::string& name);
http::Response xlsx_download(const Table& table, const std::string& name,
                             const std::string& sheet_name);

}  // namespace convene::web
