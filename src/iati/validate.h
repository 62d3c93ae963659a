// `coopatlas validate iati`: the XSD (streaming) then the rules, in one pass
// over the file (docs/iati.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "iati/reader.h"
#include "iati/rules.h"

namespace coopatlas::iati {

struct ValidateOptions {
  std::string schema_dir;  // third_party/iati-schemas-2.03
  const Codelists* codelists = nullptr;
  std::string today;  // YYYY-MM-DD
};

struct ValidationReport {
  std::string file, root, version;
  std::int64_t bytes = 0, activities = 0;
  std::int64_t errors = 0, warnings = 0;
  std::int64_t suppressed = 0;  // messages not kept (past 10,000)
  bool schema_valid = true;
  bool fatal = false;             // not XML, wrong root, DOCTYPE
  std::vector<Message> messages;  // in file order
  double seconds = 0;

  bool ok() const { return errors == 0; }
};

// Validates `path`. The rules run on each activity that passed the schema
// (an activity the schema rejects gets only its schema messages). Errors:
// kNotFound (no file), kInternal (schemas missing). An invalid IATI file is
// a report with errors, not an error.
Result<ValidationReport> ValidateFile(const std::string& path,
                                      const ValidateOptions& options);

// "file:line: severity [rule] activity: text".
std::string FormatMessage(const std::string& file, const Message& m);

}  // namespace coopatlas::iati
