// An RFC 4180 CSV reader (std only): quoted fields, doubled quotes, quoted
// newlines, CRLF or LF, any one-byte delimiter. It reads from memory and
// reports the line of every record so errors can name their place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"

namespace coopatlas::core {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvOptions {
  char delimiter = ',';
  std::size_t max_field_bytes = 1 << 20;  // a larger field is an error
};

// Reads CSV text record by record. The text must outlive the reader.
// Not thread-safe; one reader per text.
class CsvReader {
 public:
  CsvReader(std::string_view text, CsvOptions options = {});

  // Reads the next record into *record. Returns false at the end of the
  // text or on error; then status() tells which (ok() at the end).
  bool Next(CsvRecord* record);
  const Status& status() const { return status_; }

 private:
  std::string_view text_;
  CsvOptions options_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  Status status_;
};

// Parses a whole CSV text with a header line into records, each field
// addressed by header name. Errors name `source` and the line (and column
// name for a missing column).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;

  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};
Result<CsvTable> ParseCsvTable(std::string_view text, const std::string& source,
                               CsvOptions options = {});

}  // namespace coopatlas::core
