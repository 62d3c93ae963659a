// A spreadsheet saved as CSV, as officers produce them: ',' or ';' (or tab)
// separators, any of the encodings of text_decode.h, quoted newlines, blank
// lines, a header whose column names vary (French or English, accents and
// case).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"
#include "core/csv.h"
#include "ingest/text_decode.h"

namespace coopatlas::ingest {

struct Sheet {
  std::string source;  // file name, for messages
  Encoding encoding = Encoding::kUtf8;
  char delimiter = ',';
  std::vector<std::string> header;    // as written (trimmed)
  std::vector<core::CsvRecord> rows;  // blank lines removed; line numbers kept
};

struct SheetOptions {
  std::size_t max_field_bytes = 1 << 20;  // 1 MiB: larger is an error
  char delimiter = 0;                     // 0: detect from the header line
};

// The delimiter of a header line: the most frequent of ';', ',' and tab
// outside quotes (',' when none).
char DetectDelimiter(std::string_view header_line);

// Decodes and parses a whole CSV file. Every row must have as many fields as
// the header (a trailing empty field from a trailing delimiter is tolerated).
// Errors (kInvalidArgument) name the source and the line:
// "<source>: line 12: 3 fields, the header has 5", "<source>: line 40:
// quoted field is never closed (truncated file?)", "<source>: line 7: field
// longer than 1048576 bytes", "<source>: empty file".
Result<Sheet> ReadSheet(std::string_view bytes, const std::string& source,
                        const SheetOptions& options = {});

// One expected column: its canonical name and the other names accepted.
struct ColumnSpec {
  std::string name;                  // canonical, e.g. "titre"
  std::vector<std::string> aliases;  // e.g. {"title", "intitulé"}
  bool required = false;
};

// Index in the header of each spec's column (-1 when absent and optional).
// Names match when their folds are equal (text/fold.h: case, accents,
// punctuation). Errors (kInvalidArgument):
// "<source>: missing required column 'titre' (also accepted: title,
// intitulé); the header has: a, b, c", and
// "<source>: columns 2 and 5 both mean 'titre'".
Result<std::vector<int>> MapColumns(const Sheet& sheet,
                                    const std::vector<ColumnSpec>& specs);

}  // namespace coopatlas::ingest
