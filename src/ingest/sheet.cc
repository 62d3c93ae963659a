#include "ingest/sheet.h"
#include "core/strings.h"

#include <string>
#include <utility>

#include "ingest/values.h"
#include "text/fold.h"

namespace coopatlas::ingest {
namespace {

// A record that carries no data: one empty field (an empty line) or only
// empty cells (";;;;", as spreadsheets write formatted empty rows). Cells
// holding only spaces count as empty.
bool IsBlank(const core::CsvRecord& record) {
  for (const std::string& field : record.fields) {
    if (!TrimCell(field).empty()) return false;
  }
  return true;
}

// True if the physical line is empty or holds only spaces, tabs and '\r'.
bool IsWhitespaceLine(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// The text from the first line that is not whitespace only (where the
// header is), for delimiter detection.
std::string_view FromFirstNonBlankLine(std::string_view text) {
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    if (!IsWhitespaceLine(line)) return text;
    if (eol == std::string_view::npos) return {};
    text.remove_prefix(eol + 1);
  }
  return text;
}

}  // namespace

char DetectDelimiter(std::string_view header_line) {
  std::size_t semicolons = 0;
  std::size_t commas = 0;
  std::size_t tabs = 0;
  bool in_quotes = false;
  for (const char c : header_line) {
    if (c == '"') {
      // A doubled quote inside a quoted field toggles twice: no change.
      in_quotes = !in_quotes;
      continue;
    }
    if (in_quotes) continue;
    if (c == '\n') break;  // only the first line counts
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
  }
  // Ties go to ';' (French Excel), then tab, then ','.
  if (semicolons > 0 && semicolons >= commas && semicolons >= tabs) return ';';
  if (tabs > 0 && tabs >= commas) return '\t';
  return ',';
}

Result<Sheet> ReadSheet(std::string_view bytes, const std::string& source,
                        const SheetOptions& options) {
  COOPATLAS_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(bytes, source));
  Sheet sheet;
  sheet.source = source;
  sheet.encoding = decoded.encoding;

  std::string_view text = decoded.utf8;
  // A final lone '\r' (a CRLF file cut after the CR) is not cell content.
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);

  if (options.delimiter != 0) {
    if (options.delimiter == '"' || options.delimiter == '\n' ||
        options.delimiter == '\r') {
      return Status::InvalidArgument(source + ": invalid delimiter");
    }
    sheet.delimiter = options.delimiter;
  } else {
    sheet.delimiter = DetectDelimiter(FromFirstNonBlankLine(text));
  }

  core::CsvOptions csv_options;
  csv_options.delimiter = sheet.delimiter;
  csv_options.max_field_bytes = options.max_field_bytes;
  core::CsvReader reader(text, csv_options);
  core::CsvRecord record;
  bool have_header = false;
  bool header_has_trailing_empty = false;
  while (reader.Next(&record)) {
    if (IsBlank(record)) continue;
    if (!have_header) {
      // The header is the first record that is not blank.
      have_header = true;
      sheet.header.reserve(record.fields.size());
      for (const std::string& name : record.fields) {
        sheet.header.emplace_back(TrimCell(name));
      }
      header_has_trailing_empty = sheet.header.back().empty();
      continue;
    }
    // "a;b;" under a header "x;y": the trailing delimiter adds one empty
    // field, tolerated when the header does not have it too.
    if (!header_has_trailing_empty &&
        record.fields.size() == sheet.header.size() + 1 &&
        record.fields.back().empty()) {
      record.fields.pop_back();
    }
    if (record.fields.size() != sheet.header.size()) {
      return Status::InvalidArgument(
          source + ": line " + std::to_string(record.line) + ": " +
          std::to_string(record.fields.size()) + " fields, the header has " +
          std::to_string(sheet.header.size()));
    }
    sheet.rows.push_back(std::move(record));
    record = core::CsvRecord{};
  }
  if (!reader.status().ok()) return reader.status().WithContext(source);
  if (!have_header) return Status::InvalidArgument(source + ": empty file");
  return sheet;
}

Result<std::vector<int>> MapColumns(const Sheet& sheet,
                                    const std::vector<ColumnSpec>& specs) {
  std::vector<std::string> header_folds;
  header_folds.reserve(sheet.header.size());
  for (const std::string& name : sheet.header) {
    header_folds.push_back(text::Fold(name));
  }

  std::vector<int> indices;
  indices.reserve(specs.size());
  for (const ColumnSpec& spec : specs) {
    std::vector<std::string> accepted;
    accepted.push_back(text::Fold(spec.name));
    for (const std::string& alias : spec.aliases) {
      accepted.push_back(text::Fold(alias));
    }

    int found = -1;
    for (std::size_t i = 0; i < header_folds.size(); ++i) {
      const std::string& fold = header_folds[i];
      if (fold.empty()) continue;  // an unnamed column means nothing
      bool matches = false;
      for (const std::string& name : accepted) {
        if (name == fold) matches = true;
      }
      if (!matches) continue;
      if (found >= 0) {
        // Columns are numbered from 1, as a spreadsheet user counts them.
        return Status::InvalidArgument(
            sheet.source + ": columns " + std::to_string(found + 1) + " and " +
            std::to_string(i + 1) + " both mean '" + spec.name + "'");
      }
      found = static_cast<int>(i);
    }

    if (found < 0 && spec.required) {
      std::string message =
          sheet.source + ": missing required column '" + spec.name + "'";
      if (!spec.aliases.empty()) {
        message += " (also accepted: " + core::Join(spec.aliases, ", ") + ")";
      }
      message += "; the header has: " + core::Join(sheet.header, ", ");
      return Status::InvalidArgument(std::move(message));
    }
    indices.push_back(found);
  }
  return indices;
}

}  // namespace coopatlas::ingest
