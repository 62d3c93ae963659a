#include "core/csv.h"

#include <string>

#include "core/utf8.h"

namespace coopatlas::core {

CsvReader::CsvReader(std::string_view text, CsvOptions options)
    : text_(text), options_(options) {}

bool CsvReader::Next(CsvRecord* record) {
  record->fields.clear();
  if (!status_.ok() || pos_ >= text_.size()) return false;
  record->line = line_;
  std::string field;
  bool quoted_field = false;
  const std::size_t start_line = line_;
  while (true) {
    if (pos_ >= text_.size()) {
      // End of text: the last record has no line terminator.
      record->fields.push_back(std::move(field));
      return true;
    }
    const char c = text_[pos_];
    if (c == '"' && field.empty() && !quoted_field) {
      // A quoted field: read up to the closing quote.
      quoted_field = true;
      ++pos_;
      const std::size_t quote_line = line_;
      while (true) {
        if (pos_ >= text_.size()) {
          status_ = Status::InvalidArgument(
              "line " + std::to_string(quote_line) +
              ": quoted field is never closed (truncated file?)");
          return false;
        }
        const char q = text_[pos_];
        if (q == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (q == '\n') ++line_;
        field.push_back(q);
        ++pos_;
        if (field.size() > options_.max_field_bytes) {
          status_ = Status::InvalidArgument(
              "line " + std::to_string(quote_line) + ": field longer than " +
              std::to_string(options_.max_field_bytes) + " bytes");
          return false;
        }
      }
      continue;
    }
    if (c == options_.delimiter) {
      record->fields.push_back(std::move(field));
      field.clear();
      quoted_field = false;
      ++pos_;
      continue;
    }
    if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      record->fields.push_back(std::move(field));
      return true;
    }
    if (quoted_field) {
      status_ = Status::InvalidArgument(
          "line " + std::to_string(start_line) + ", field " +
          std::to_string(record->fields.size() + 1) +
          ": text after the closing quote of a quoted field");
      return false;
    }
    field.push_back(c);
    ++pos_;
    if (field.size() > options_.max_field_bytes) {
      status_ = Status::InvalidArgument(
          "line " + std::to_string(start_line) + ": field longer than " +
          std::to_string(options_.max_field_bytes) + " bytes");
      return false;
    }
  }
}

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> ParseCsvTable(std::string_view text, const std::string& source,
                               CsvOptions options) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidArgument(source + ": invalid UTF-8 at line " +
                                   std::to_string(bad->line) + ", column " +
                                   std::to_string(bad->column) + " (byte " +
                                   std::to_string(bad->offset) + ")");
  }
  text = StripBom(text);
  CsvTable table;
  CsvReader reader(text, options);
  CsvRecord record;
  if (!reader.Next(&record)) {
    if (!reader.status().ok()) return reader.status().WithContext(source);
    return Status::InvalidArgument(source + ": empty file, expected a header");
  }
  table.header = record.fields;
  while (reader.Next(&record)) {
    // A blank line (one empty field) is skipped, as spreadsheets write them.
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (record.fields.size() != table.header.size()) {
      return Status::InvalidArgument(
          source + ": line " + std::to_string(record.line) + ": " +
          std::to_string(record.fields.size()) + " fields, the header has " +
          std::to_string(table.header.size()));
    }
    table.rows.push_back(record);
  }
  if (!reader.status().ok()) return reader.status().WithContext(source);
  return table;
}

}  // namespace coopatlas::core
