// Streaming IATI reader over libxml2's xmlTextReader (docs/iati.md): reads
// an IATI file once, optionally validating it against the 2.03 XSD in the
// same pass (xmlTextReaderSchemaValidate), and hands each <iati-activity>
// (or <iati-organisation>) to a callback as a small tree. Memory stays
// bounded by the largest activity, whatever the file's size.
//
// Safety: XML_PARSE_NONET, no entity substitution, no DTD loading; a file
// with a DOCTYPE is refused (IATI files have none, and that is where entity
// bombs and external entities live); the only files libxml2 may open are
// the file itself and the schemas of `schema_dir`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "iati/element.h"

namespace coopatlas::iati {

// One finding: a rule id ("0.3.1" for the schema, IATI-Rulesets ids,
// "codelist:<List>"), its severity, the activity and the line.
struct Message {
  std::string rule;
  std::string severity;  // error | warning
  std::string activity;  // iati-identifier ("" when outside any activity)
  int line = 0;
  std::string text;
};

struct ReadOptions {
  // Directory holding iati-activities-schema.xsd and its includes; empty:
  // no schema validation.
  std::string schema_dir;
};

// What one pass saw. `messages` holds the fatal problems (not XML, wrong
// root, DOCTYPE: rules 0.1.1 / 0.2.1) and the schema errors (0.3.1), each
// with its line and the identifier of the activity it falls in.
struct ReadSummary {
  std::string root;  // iati-activities | iati-organisations
  std::string version;
  std::int64_t bytes = 0;
  std::int64_t activities = 0;
  bool fatal = false;           // reading stopped early
  std::int64_t suppressed = 0;  // messages past the first 10,000
  std::vector<Message> messages;
};

// Called once per activity with the tree and `schema_ok` = no schema error
// fell inside it. Called in document order, after the activity's end tag
// has been validated.
using ActivityFn = std::function<void(const Element& activity, bool schema_ok)>;

// Reads `path`. Errors: kNotFound / kIo (cannot open), kInternal (the
// schemas cannot be loaded). A file that is not an IATI file is not an
// error of this function: it yields a fatal message in the summary.
Result<ReadSummary> ReadFile(const std::string& path,
                             const ReadOptions& options,
                             const ActivityFn& on_activity);

// The iati-identifier of an activity tree (trimmed), or "".
std::string ActivityIdentifier(const Element& activity);

}  // namespace coopatlas::iati
