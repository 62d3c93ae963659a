// Reading a twin-town list: any CSV with a French side and a partner side
// (city and country on each side), such as the Wikipedia lists or a
// Wikidata export. Parsing only; resolution happens in the registry.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"
#include "ingest/sheet.h"

namespace coopatlas::ingest {

struct TwinningRow {
  std::size_t line = 0;
  std::string city1, country1, city2, country2;
};

struct TwinningColumns {
  // Logical column -> header name. Defaults: city1, country1, city2,
  // country2 (the Wikipedia file's header).
  std::map<std::string, std::string> headers;
  // A fixed country for a side whose file has no country column
  // (e.g. {"country1", "France"} for a list of French cities' twins).
  std::map<std::string, std::string> fixed;

  // Parses "city1=origincityLabel,city2=sistercityLabel,..." (the
  // --columns flag). Errors: kInvalidArgument naming the bad part.
  static Result<TwinningColumns> Parse(std::string_view spec);
};

struct TwinningFile {
  Sheet sheet;  // encoding, delimiter, header
  std::vector<TwinningRow> rows;
};

// Reads a twin-town CSV. Errors (kInvalidArgument) name the file and line:
// bad encoding, malformed CSV, a missing column ("missing column
// 'sistercityLabel' mapped to city2; the header has: ...").
Result<TwinningFile> ReadTwinnings(std::string_view bytes,
                                   const std::string& source,
                                   const TwinningColumns& columns);

}  // namespace coopatlas::ingest
