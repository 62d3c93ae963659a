// XLSX export with libxlsxwriter (a C API). The three data sheets render
// the typed tables of the CSV export: numbers and amounts as numbers, ISO
// dates as Excel dates, text as strings (a string cell is never evaluated,
// so no formula neutralisation is needed here). Every lxw_error is checked
// and turned into a kIo Status naming the path.
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "export/export_internal.h"
#include "export/tables.h"

namespace coopatlas::exporter {
namespace {

using internal::Cell;
using internal::CellKind;

constexpr double kMaxColumnWidth = 60;
constexpr double kMinColumnWidth = 8;
// Excel's limit on the characters of a cell.
constexpr std::size_t kMaxCellChars = 32767;

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* date = nullptr;
};

class XlsxWriter {
 public:
  explicit XlsxWriter(std::string path) : path_(std::move(path)) {}

  // Frees the workbook without writing it when Close() was not reached.
  ~XlsxWriter() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  Status Write(const ExportData& data);

 private:
  Status Check(lxw_error error, std::string_view what) const {
    if (error == LXW_NO_ERROR) return Status::Ok();
    return Status::Io("cannot write XLSX file " + path_ + ": " +
                      std::string(what) + ": " + lxw_strerror(error));
  }
  Result<lxw_worksheet*> AddSheet(const char* name);
  Status WriteText(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                   const std::string& text, lxw_format* format);
  Status WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                   const Cell& cell, double* width);
  Status WriteTable(const internal::Table& table, const char* name);
  Status WriteAbout(const ExportData& data);

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  Formats formats_;
};

// Valid UTF-8 (invalid bytes become U+FFFD) of at most kMaxCellChars code
// points, as Excel requires.
std::string CleanText(std::string_view text) {
  if (text.size() <= kMaxCellChars && core::IsValidUtf8(text)) {
    return std::string(text);
  }
  std::string out;
  std::size_t pos = 0, chars = 0;
  while (pos < text.size() && chars < kMaxCellChars) {
    core::AppendUtf8(core::DecodeUtf8(text, &pos), &out);
    ++chars;
  }
  return out;
}

// Display width of a text: its code points (continuation bytes skipped).
double TextWidth(std::string_view text) {
  double width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

Result<lxw_worksheet*> XlsxWriter::AddSheet(const char* name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name);
  if (sheet == nullptr) {
    return Status::Io("cannot write XLSX file " + path_ +
                      ": cannot add sheet " + name);
  }
  return sheet;
}

Status XlsxWriter::WriteText(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                             const std::string& text, lxw_format* format) {
  if (text.empty()) return Status::Ok();
  return Check(
      worksheet_write_string(sheet, row, col, CleanText(text).c_str(), format),
      "write string");
}

Status XlsxWriter::WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                             const Cell& cell, double* width) {
  switch (cell.kind) {
    case CellKind::kText:
      *width = std::max(*width, TextWidth(cell.text));
      return WriteText(sheet, row, col, cell.text, nullptr);
    case CellKind::kInteger: {
      const std::string text = std::to_string(cell.number);
      *width = std::max(*width, TextWidth(text));
      return Check(
          worksheet_write_number(sheet, row, col,
                                 static_cast<double>(cell.number), nullptr),
          "write number");
    }
    case CellKind::kCents: {
      // "1 234 567.89 €": the digits, grouping spaces and the unit.
      const std::string text = internal::FormatCents(cell.number, '.');
      *width = std::max(*width, TextWidth(text) + TextWidth(text) / 3 + 2);
      const double euros = static_cast<double>(cell.number) / 100.0;
      return Check(
          worksheet_write_number(sheet, row, col, euros, formats_.money),
          "write amount");
    }
    case CellKind::kDate: {
      const auto ymd = internal::ParseIsoDate(cell.text);
      *width = std::max(*width, 10.0);
      // Excel dates start in 1900: older ones stay text.
      if (!ymd || ymd->year < 1900) {
        return WriteText(sheet, row, col, cell.text, nullptr);
      }
      lxw_datetime datetime = {ymd->year, ymd->month, ymd->day, 0, 0, 0.0};
      return Check(
          worksheet_write_datetime(sheet, row, col, &datetime, formats_.date),
          "write date");
    }
    case CellKind::kDecimal: {
      *width = std::max(*width, TextWidth(cell.text));
      // Validated by IsPlainDecimal; from_chars ignores the C locale.
      double value = 0;
      std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(),
                      value);
      return Check(worksheet_write_number(sheet, row, col, value, nullptr),
                   "write number");
    }
  }
  return Status::Ok();
}

Status XlsxWriter::WriteTable(const internal::Table& table, const char* name) {
  COOPATLAS_ASSIGN_OR_RETURN(lxw_worksheet * sheet, AddSheet(name));
  const auto columns = static_cast<lxw_col_t>(table.header.size());
  std::vector<double> widths(columns, kMinColumnWidth);
  for (lxw_col_t c = 0; c < columns; ++c) {
    const std::string header(table.header[c]);
    widths[c] = std::max(widths[c], TextWidth(header));
    COOPATLAS_RETURN_IF_ERROR(WriteText(sheet, 0, c, header, formats_.header));
  }
  lxw_row_t row = 1;
  for (const auto& cells : table.rows) {
    for (lxw_col_t c = 0;
         c < columns && static_cast<std::size_t>(c) < cells.size(); ++c) {
      COOPATLAS_RETURN_IF_ERROR(WriteCell(sheet, row, c, cells[c], &widths[c]));
    }
    ++row;
  }
  for (lxw_col_t c = 0; c < columns; ++c) {
    COOPATLAS_RETURN_IF_ERROR(Check(
        worksheet_set_column(sheet, c, c,
                             std::min(widths[c] + 2, kMaxColumnWidth), nullptr),
        "set column width"));
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (columns > 0) {
    // Over the header and the data (just the header when there is none).
    COOPATLAS_RETURN_IF_ERROR(
        Check(worksheet_autofilter(sheet, 0, 0, row - 1, columns - 1),
              "set autofilter"));
  }
  return Status::Ok();
}

Status XlsxWriter::WriteAbout(const ExportData& data) {
  COOPATLAS_ASSIGN_OR_RETURN(lxw_worksheet * sheet, AddSheet("À propos"));
  std::size_t funding_lines = 0;
  for (const auto& p : data.projects) funding_lines += p.funding.size();
  lxw_row_t row = 0;
  auto label = [&](const std::string& text) {
    return WriteText(sheet, row, 0, text, formats_.header);
  };
  auto pair = [&](const std::string& name, const std::string& value) {
    COOPATLAS_RETURN_IF_ERROR(label(name));
    COOPATLAS_RETURN_IF_ERROR(WriteText(sheet, row++, 1, value, nullptr));
    return Status::Ok();
  };
  auto count = [&](const std::string& name, std::size_t n) {
    COOPATLAS_RETURN_IF_ERROR(label(name));
    return Check(worksheet_write_number(sheet, row++, 1, static_cast<double>(n),
                                        nullptr),
                 "write number");
  };
  COOPATLAS_RETURN_IF_ERROR(pair("Généré le", data.generated_at));
  COOPATLAS_RETURN_IF_ERROR(
      pair("Filtres", data.filters.empty() ? "aucun" : data.filters));
  COOPATLAS_RETURN_IF_ERROR(count("Partenariats", data.partnerships.size()));
  COOPATLAS_RETURN_IF_ERROR(count("Projets", data.projects.size()));
  COOPATLAS_RETURN_IF_ERROR(count("Lignes de financement", funding_lines));
  if (internal::HasDemoData(data)) {
    COOPATLAS_RETURN_IF_ERROR(label("Contient des données de démonstration"));
    ++row;
  }
  ++row;
  COOPATLAS_RETURN_IF_ERROR(label("Sources et licences"));
  ++row;
  for (const char* source :
       {"Collectivités françaises : COG (INSEE) via "
        "@etalab/decoupage-administratif, Licence Ouverte 2.0",
        "Jumelages : Wikipédia (CC BY-SA 4.0)"}) {
    COOPATLAS_RETURN_IF_ERROR(WriteText(sheet, row++, 0, source, nullptr));
  }
  COOPATLAS_RETURN_IF_ERROR(
      Check(worksheet_set_column(sheet, 0, 0, 40, nullptr), "set width"));
  return Check(worksheet_set_column(sheet, 1, 1, kMaxColumnWidth, nullptr),
               "set width");
}

Status XlsxWriter::Write(const ExportData& data) {
  workbook_ = workbook_new(path_.c_str());
  if (workbook_ == nullptr) {
    return Status::Io("cannot create XLSX file " + path_);
  }
  formats_.header = workbook_add_format(workbook_);
  formats_.money = workbook_add_format(workbook_);
  formats_.date = workbook_add_format(workbook_);
  if (formats_.header == nullptr || formats_.money == nullptr ||
      formats_.date == nullptr) {
    return Status::Io("cannot write XLSX file " + path_ + ": out of memory");
  }
  format_set_bold(formats_.header);
  format_set_num_format(formats_.money, "#,##0.00 \"€\"");
  format_set_num_format(formats_.date, "dd/mm/yyyy");
  COOPATLAS_RETURN_IF_ERROR(WriteTable(
      internal::BuildTable(data, CsvTable::kPartnerships), "Partenariats"));
  COOPATLAS_RETURN_IF_ERROR(
      WriteTable(internal::BuildTable(data, CsvTable::kProjects), "Projets"));
  COOPATLAS_RETURN_IF_ERROR(WriteTable(
      internal::BuildTable(data, CsvTable::kFunding), "Financements"));
  COOPATLAS_RETURN_IF_ERROR(WriteAbout(data));
  // workbook_close writes the file and frees the workbook, even on error.
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  return Check(workbook_close(workbook), "close");
}

}  // namespace

Status WriteXlsx(const ExportData& data, const std::string& path) {
  XlsxWriter writer(path);
  return writer.Write(data);
}

}  // namespace coopatlas::exporter
