// Helpers shared by the CSV, GeoJSON and XLSX exports (not part of the
// public API). The CSV and XLSX exports render the same typed tables: the
// rows are built once here (definitions in csv_export.cc) and each codec
// only decides how a typed cell is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/tables.h"

namespace coopatlas::exporter::internal {

// How a cell is typed. Absent numbers are empty kText cells.
enum class CellKind {
  kText,     // free text: formula-neutralised in CSV, a string in XLSX
  kInteger,  // `number` (ids, years)
  kCents,    // `number` is an amount in euro cents
  kDate,     // `text` is a valid ISO date yyyy-mm-dd
  kDecimal,  // `text` is a plain decimal number such as "-655.957"
};

struct Cell {
  CellKind kind = CellKind::kText;
  std::string text;
  std::int64_t number = 0;
};

struct Table {
  std::vector<std::string_view> header;
  std::vector<std::vector<Cell>> rows;
};

// The rows of one table, in the order of the records, with the columns of
// tables.h.
Table BuildTable(const ExportData& data, CsvTable which);

// Euros with exactly two decimals from integer cents, no floating point:
// -1234567 -> "-12345.67" (or "-12345,67" with decimal_separator ',').
std::string FormatCents(std::int64_t cents, char decimal_separator);

// Year, month and day of a valid ISO date "yyyy-mm-dd" (real calendar
// day, leap years included); nothing otherwise.
struct Ymd {
  int year = 0, month = 0, day = 0;
};
std::optional<Ymd> ParseIsoDate(std::string_view text);

// True when `text` is an optional '-' then digits, with at most one '.'
// between digits ("12", "-0.5"; not ".5", "1e3", "1 000").
bool IsPlainDecimal(std::string_view text);

// True when any record of `data` (partnership, project, funding line or
// authority) is demonstration data.
bool HasDemoData(const ExportData& data);

}  // namespace coopatlas::exporter::internal
