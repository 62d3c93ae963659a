// Cell values as French spreadsheets write them. Each parser returns a
// message without location on error (kInvalidArgument); the caller adds the
// file, line and column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "coopatlas/status.h"

namespace coopatlas::ingest {

// Trims spaces, tabs, NBSP (U+00A0) and narrow NBSP (U+202F) at both ends.
std::string_view TrimCell(std::string_view cell);

// An amount of money to integer cents: "1234", "1234,5", "1 234,56",
// "1 234,56 €", "1.234,56", "1,234.56", "1234.56", "EUR 12", "-150,00".
// Thousands separators: space, NBSP, narrow NBSP, and '.' or ',' when the
// other one is the decimal mark. More than two decimals, letters, several
// decimal marks, an empty cell or a value beyond ±10^15 euros are errors:
// "'12,345' has more than two decimals", "'abc' is not an amount".
Result<std::int64_t> ParseAmountCents(std::string_view cell);

// A decimal number with ',' or '.' as the decimal mark ("0,655957").
Result<double> ParseDecimal(std::string_view cell);

// A date to ISO "yyyy-mm-dd" from "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy",
// "dd.mm.yyyy" or "yyyy-mm-dd"; checks the calendar (29/02 only in leap
// years), years 1900..2100: "'31/02/2024' is not a date".
Result<std::string> ParseDate(std::string_view cell);

// A year "2024" (1900..2100).
Result<int> ParseYear(std::string_view cell);

}  // namespace coopatlas::ingest
