// The lossless JSON format of coopatlas (docs/formats.md): every record with
// its id, natural key, provenance, timestamps and version, so that export ->
// import into an empty database -> export gives the same bytes.
#pragma once

#include <string>
#include <string_view>

#include "coopatlas/status.h"
#include "export/tables.h"

namespace coopatlas::exporter {

// Serialises records, sorted by id, 2-space indented, with a trailing
// newline. Deterministic: no timestamp of the export itself.
std::string ToJson(const ExportData& data);

// Parses what ToJson writes. Errors: kInvalidArgument naming the JSON path
// of the problem ("projects[3].funding[0].amount_cents: expected an
// integer").
Result<ExportData> FromJson(std::string_view text, const std::string& source);

}  // namespace coopatlas::exporter
