// Helpers shared by the reference loaders (not part of the public API).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "coopatlas/status.h"
#include "core/csv.h"
#include "reference/loader.h"
#include "reference/reference_data.h"

namespace coopatlas::reference::internal {

// Reads a file of the reference data; kNotFound says to run the setup.
Result<std::string> ReadPackageFile(const std::string& path);

// Parses a JSON file. kNotFound names the file and says to run the setup;
// kCorruption names the file and the parser's position.
Result<nlohmann::json> ReadJson(const std::string& path);

// Reads a committed CSV with a header. Errors name the file and line.
Result<core::CsvTable> ReadCsv(const std::string& path);

// Field `key` of a JSON object as a string ("" when absent or null).
std::string Str(const nlohmann::json& object, const char* key);
std::optional<std::int64_t> Int(const nlohmann::json& object, const char* key);

// "version" of node_modules/<package>/package.json.
Result<std::string> PackageVersion(const ReferencePaths& paths,
                                   const std::string& package);

// The loaders, one per source. Each appends to *data and to data->sources.
Status LoadCog(const ReferencePaths& paths, ReferenceData* data);
Status LoadHistory(const ReferencePaths& paths, ReferenceData* data);
Status LoadCountries(const ReferencePaths& paths, ReferenceData* data);
Status LoadPlaces(const ReferencePaths& paths, ReferenceData* data);
Status LoadCommitted(const ReferencePaths& paths, ReferenceData* data);

}  // namespace coopatlas::reference::internal
