// Counts over the records for the atlas: by country, world region, French
// région and département, authority kind, partnership kind, theme, SDG,
// year.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

struct Bucket {
  std::string value;     // code
  std::string label;     // French label
  std::string label_en;  // English label (or the French one)
  std::string extra;     // countries: ISO numeric code (world-atlas ids)
  std::int64_t count = 0;
};

struct Stats {
  std::map<std::string, std::int64_t> totals;
  // Dimension name -> buckets, largest first.
  std::map<std::string, std::vector<Bucket>> by;
};

// Everything the home page and the dashboard show. Cost: a few GROUP BY
// queries over the record tables.
Result<Stats> ComputeStats(Db* db);

}  // namespace coopatlas::store
