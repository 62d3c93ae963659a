#include "ingest/twinnings.h"

#include <string>

#include "ingest/values.h"

namespace coopatlas::ingest {
namespace {

constexpr const char* kLogical[] = {"city1", "country1", "city2", "country2"};

bool IsLogical(const std::string& name) {
  for (const char* l : kLogical) {
    if (name == l) return true;
  }
  return false;
}

}  // namespace

Result<TwinningColumns> TwinningColumns::Parse(std::string_view spec) {
  TwinningColumns columns;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view part = spec.substr(start, end - start);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      return Status::InvalidArgument("--columns: '" + std::string(part) +
                                     "' is not of the form city1=Header");
    }
    const std::string logical(TrimCell(part.substr(0, eq)));
    const std::string header(TrimCell(part.substr(eq + 1)));
    if (!IsLogical(logical)) {
      return Status::InvalidArgument(
          "--columns: unknown column '" + logical +
          "' (expected city1, country1, city2 or country2)");
    }
    if (header.empty()) {
      return Status::InvalidArgument("--columns: no header given for " +
                                     logical);
    }
    columns.headers[logical] = header;
    start = end + 1;
  }
  return columns;
}

Result<TwinningFile> ReadTwinnings(std::string_view bytes,
                                   const std::string& source,
                                   const TwinningColumns& columns) {
  TwinningFile file;
  COOPATLAS_ASSIGN_OR_RETURN(file.sheet, ReadSheet(bytes, source));
  // Column index of each logical column, or -1 for a fixed value.
  int index[4];
  for (int i = 0; i < 4; ++i) {
    const std::string logical = kLogical[i];
    const auto fixed = columns.fixed.find(logical);
    if (fixed != columns.fixed.end()) {
      index[i] = -1;
      continue;
    }
    const auto mapped = columns.headers.find(logical);
    const std::string header =
        mapped == columns.headers.end() ? logical : mapped->second;
    std::vector<ColumnSpec> spec = {{header, {}, true}};
    auto found = MapColumns(file.sheet, spec);
    if (!found.ok()) {
      std::string hint;
      if (mapped == columns.headers.end()) {
        hint = " (map another header with --columns " + logical +
               "=HEADER, or give a fixed value for a country)";
      } else {
        hint = " (mapped to " + logical + " by --columns)";
      }
      return Status::InvalidArgument(found.status().message() + hint);
    }
    index[i] = (*found)[0];
  }
  for (const auto& record : file.sheet.rows) {
    TwinningRow row;
    row.line = record.line;
    std::string* fields[4] = {&row.city1, &row.country1, &row.city2,
                              &row.country2};
    for (int i = 0; i < 4; ++i) {
      if (index[i] < 0) {
        *fields[i] = columns.fixed.at(kLogical[i]);
      } else if (static_cast<std::size_t>(index[i]) < record.fields.size()) {
        *fields[i] = std::string(
            TrimCell(record.fields[static_cast<std::size_t>(index[i])]));
      }
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

}  // namespace coopatlas::ingest
