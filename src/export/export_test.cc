#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include "export/export_internal.h"
#include "export/tables.h"
#include "store/test_util.h"

namespace coopatlas::exporter {
namespace {

Authority MakeAuthority(std::int64_t id, std::string kind, std::string country,
                        std::string code, std::string name,
                        std::optional<double> lat, std::optional<double> lng) {
  Authority a;
  a.meta.id = id;
  a.kind = std::move(kind);
  a.country = std::move(country);
  a.code = std::move(code);
  a.name = std::move(name);
  a.lat = lat;
  a.lng = lng;
  return a;
}

AuthorityRef Ref(const Authority& a, std::string admin1 = "") {
  AuthorityRef ref;
  ref.id = a.meta.id;
  ref.kind = a.kind;
  ref.code = a.code;
  ref.name = a.name;
  ref.country = a.country;
  ref.admin1_name = std::move(admin1);
  return ref;
}

FundingLine Line(std::string key, std::string nature, std::int64_t cents,
                 int year, std::string mechanism = "subvention") {
  FundingLine line;
  line.key = std::move(key);
  line.nature = std::move(nature);
  line.amount_cents = cents;
  line.year = year;
  line.mechanism = std::move(mechanism);
  return line;
}

Partnership MakePartnership(std::int64_t id, std::vector<AuthorityRef> french,
                            std::vector<AuthorityRef> partners) {
  Partnership p;
  p.meta.id = id;
  p.french = std::move(french);
  p.partners = std::move(partners);
  return p;
}

Participant MakeParticipant(std::optional<AuthorityRef> authority,
                            std::optional<Actor> actor, std::string role) {
  return {std::move(authority), std::move(actor), std::move(role), 0};
}

Actor MakeActor(std::string name, std::string org_type) {
  Actor actor;
  actor.name = std::move(name);
  actor.org_type = std::move(org_type);
  return actor;
}

// Lyon and Grenoble (FR), Ouagadougou, Bamako (not placed) and Sfax.
ExportData SmallData() {
  ExportData d;
  d.generated_at = "2024-05-01T12:00:00Z";
  d.filters = "pays = BF";
  for (const auto& a : {
           MakeAuthority(1, "commune", "FR", "69123", "Lyon", 45.767299,
                         4.834329),
           MakeAuthority(2, "foreign", "BF", "", "Ouagadougou", 12.371428,
                         -1.519660),
           MakeAuthority(3, "foreign", "ML", "", "Bamako", std::nullopt, 7.0),
           MakeAuthority(4, "commune", "FR", "38185", "Grenoble", 45.188529,
                         5.724524),
           MakeAuthority(5, "foreign", "TN", "", "Sfax", 34.740556, 10.760278),
       }) {
    d.authorities[a.meta.id] = a;
  }
  const AuthorityRef lyon = Ref(d.authorities[1]);
  const AuthorityRef ouaga = Ref(d.authorities[2], "Centre");
  const AuthorityRef grenoble = Ref(d.authorities[4]);
  const AuthorityRef sfax = Ref(d.authorities[5], "Sfax");

  Partnership p1 =
      MakePartnership(10, {lyon}, {ouaga, Ref(d.authorities[3], "Bamako")});
  p1.kind = "jumelage";
  p1.status = "active";
  p1.signed_on = "1997-05-12";
  p1.object = "Coopération \"eau, assainissement\"";
  Partnership p2 = MakePartnership(11, {grenoble}, {sfax});
  p2.meta.demo = true;
  p2.kind = "convention";
  p2.status = "ended";
  p2.started_on = "2015-01-01";
  p2.ended_on = "2020-12-31";
  p2.object = "=HYPERLINK(\"x\")";
  d.partnerships = {p1, p2};

  Project pr1;
  pr1.meta.id = 100;
  pr1.ref = "LY-01";
  pr1.partnership_id = 10;
  pr1.title_fr = "Accès à l'eau, Ouaga";
  pr1.title_en = "Water access";
  pr1.status = "ongoing";
  pr1.started_on = "2021-03-15";
  pr1.themes = {"eau", "assainissement"};
  pr1.sdgs = {{"6", "person", "accepted", std::nullopt, ""},
              {"6.1", "suggestion", "suggested", 0.8, ""},
              {"3", "suggestion", "rejected", 0.2, ""},
              {"11", "person", "accepted", std::nullopt, ""}};
  pr1.dac = {{"14030", 1.0}};
  pr1.locations = {{"BF", 2, "Ouagadougou", {}, {}},
                   {"BF", std::nullopt, "Koudougou", {}, {}},
                   {"ML", 3, "Bamako", {}, {}}};
  pr1.participants = {
      MakeParticipant(lyon, std::nullopt, "lead"),
      MakeParticipant(std::nullopt, MakeActor("ONG Eau Vive", "21"),
                      "implementer")};
  FundingLine f1 = Line("LY-01/1", "planned", 1234567, 2021);
  f1.funder_authority = lyon;
  FundingLine f2 = Line("LY-01/2", "planned", 500000, 2021, "1-pour-cent");
  f2.funder_actor = MakeActor("Agence de l'eau RMC", "10");
  // A foreign-currency line: 430 000 XOF at 655.957 XOF per euro.
  FundingLine f3 = Line("LY-01/3", "actual", 65553, 2022, "apport");
  f3.funder_authority = ouaga;
  f3.currency = "XOF";
  f3.original_amount = "430000";
  f3.exchange_rate = "655.957";
  f3.rate_date = "2022-01-03";
  pr1.funding = {f1, f2, f3};

  Project pr2;
  pr2.meta.id = 101;
  pr2.meta.demo = true;
  pr2.ref = "GR-02";
  pr2.title_fr = "Formation";
  pr2.status = "completed";
  pr2.started_on = "2016";  // a partial date stays text
  pr2.locations = {{"TN", 5, "Sfax", {}, {}}};
  pr2.participants = {MakeParticipant(sfax, std::nullopt, "partner")};
  FundingLine f4 = Line("GR-02/1", "actual", -1234567, 0);  // a correction
  f4.funder_authority = grenoble;
  pr2.funding = {f4, Line("GR-02/2", "actual", 0, 2017, "")};  // no funder
  d.projects = {pr1, pr2};
  return d;
}

// Worked out by hand from SmallData(). Budget of LY-01: its planned lines,
// 12345.67 + 5000.00 = 17345.67 (the actual line is ignored); GR-02 has no
// planned line, so its actual lines: -12345.67 + 0.00.
const char kPartnershipsCsv[] =
    "id,type,statut,date_signature,date_debut,date_fin,collectivites_fr,"
    "noms_fr,partenaires,pays_partenaires,regions_partenaires,objet,"
    "demonstration\n"
    "10,jumelage,active,1997-05-12,,,69123,Lyon,Ouagadougou|Bamako,BF|ML,"
    "Centre|Bamako,\"Coopération \"\"eau, assainissement\"\"\",non\n"
    "11,convention,ended,,2015-01-01,2020-12-31,38185,Grenoble,Sfax,TN,Sfax,"
    "\"'=HYPERLINK(\"\"x\"\")\",oui\n";
const char kProjectsCsv[] =
    "id,ref,titre,titre_en,statut,date_debut,date_fin,partenariat_id,themes,"
    "odd,cad,pays,participants,budget_total_eur,demonstration\n"
    "100,LY-01,\"Accès à l'eau, Ouaga\",Water access,ongoing,2021-03-15,,10,"
    "eau|assainissement,6|11,14030,BF|ML,Lyon (lead)|ONG Eau Vive "
    "(implementer),17345.67,non\n"
    "101,GR-02,Formation,,completed,2016,,,,,,TN,Sfax (partner),-12345.67,"
    "oui\n";
const char kFundingCsv[] =
    "projet_ref,cle,financeur,type_financeur,mecanisme,annee,nature,"
    "montant_eur,devise,montant_origine,taux,date_taux,demonstration\n"
    "LY-01,LY-01/1,Lyon,collectivite-fr,subvention,2021,planned,12345.67,EUR,"
    ",,,non\n"
    "LY-01,LY-01/2,Agence de l'eau RMC,acteur-10,1-pour-cent,2021,planned,"
    "5000.00,EUR,,,,non\n"
    "LY-01,LY-01/3,Ouagadougou,collectivite-etrangere,apport,2022,actual,"
    "655.53,XOF,430000,655.957,2022-01-03,non\n"
    "GR-02,GR-02/1,Grenoble,collectivite-fr,subvention,,actual,-12345.67,EUR,"
    ",,,oui\n"
    "GR-02,GR-02/2,,,,2017,actual,0.00,EUR,,,,oui\n";
// Excel style: BOM, ';', CRLF, decimal commas; "a, b" needs no quotes.
const char kFundingExcelCsv[] =
    "\xEF\xBB\xBFprojet_ref;cle;financeur;type_financeur;mecanisme;annee;"
    "nature;montant_eur;devise;montant_origine;taux;date_taux;demonstration"
    "\r\n"
    "LY-01;LY-01/1;Lyon;collectivite-fr;subvention;2021;planned;12345,67;EUR;"
    ";;;non\r\n"
    "LY-01;LY-01/2;Agence de l'eau RMC;acteur-10;1-pour-cent;2021;planned;"
    "5000,00;EUR;;;;non\r\n"
    "LY-01;LY-01/3;Ouagadougou;collectivite-etrangere;apport;2022;actual;"
    "655,53;XOF;430000;655,957;2022-01-03;non\r\n"
    "GR-02;GR-02/1;Grenoble;collectivite-fr;subvention;;actual;-12345,67;EUR;"
    ";;;oui\r\n"
    "GR-02;GR-02/2;;;;2017;actual;0,00;EUR;;;;oui\r\n";
const char kProjectsExcelCsv[] =
    "\xEF\xBB\xBFid;ref;titre;titre_en;statut;date_debut;date_fin;"
    "partenariat_id;themes;odd;cad;pays;participants;budget_total_eur;"
    "demonstration\r\n"
    "100;LY-01;Accès à l'eau, Ouaga;Water access;ongoing;2021-03-15;;10;"
    "eau|assainissement;6|11;14030;BF|ML;Lyon (lead)|ONG Eau Vive "
    "(implementer);17345,67;non\r\n"
    "101;GR-02;Formation;;completed;2016;;;;;;TN;Sfax (partner);-12345,67;"
    "oui\r\n";
const char kPartnershipsExcelCsv[] =
    "\xEF\xBB\xBFid;type;statut;date_signature;date_debut;date_fin;"
    "collectivites_fr;noms_fr;partenaires;pays_partenaires;"
    "regions_partenaires;objet;demonstration\r\n"
    "10;jumelage;active;1997-05-12;;;69123;Lyon;Ouagadougou|Bamako;BF|ML;"
    "Centre|Bamako;\"Coopération \"\"eau, assainissement\"\"\";non\r\n"
    "11;convention;ended;;2015-01-01;2020-12-31;38185;Grenoble;Sfax;TN;Sfax;"
    "\"'=HYPERLINK(\"\"x\"\")\";oui\r\n";

struct CsvCase {
  const char* name;
  CsvTable table;
  bool excel;
  const char* expected;
};

TEST(CsvExport, SmallDataByteExact) {
  const CsvCase cases[] = {
      {"partnerships", CsvTable::kPartnerships, false, kPartnershipsCsv},
      {"projects", CsvTable::kProjects, false, kProjectsCsv},
      {"funding", CsvTable::kFunding, false, kFundingCsv},
      {"partnerships excel", CsvTable::kPartnerships, true,
       kPartnershipsExcelCsv},
      {"projects excel", CsvTable::kProjects, true, kProjectsExcelCsv},
      {"funding excel", CsvTable::kFunding, true, kFundingExcelCsv},
  };
  const ExportData data = SmallData();
  for (const auto& c : cases) {
    EXPECT_EQ(ToCsv(data, c.table, CsvStyle{c.excel}), c.expected) << c.name;
  }
}

TEST(CsvExport, EmptyDataIsHeaderOnly) {
  EXPECT_EQ(ToCsv(ExportData{}, CsvTable::kFunding, CsvStyle{}),
            "projet_ref,cle,financeur,type_financeur,mecanisme,annee,nature,"
            "montant_eur,devise,montant_origine,taux,date_taux,"
            "demonstration\n");
}

// The objet cell of a one-partnership export, as written.
std::string ObjectCell(const std::string& object, bool excel) {
  ExportData data;
  Partnership p;
  p.meta.id = 1;
  p.object = object;
  data.partnerships = {p};
  const std::string sep = excel ? ";" : ",";
  const std::string eol = excel ? "\r\n" : "\n";
  const std::string csv = ToCsv(data, CsvTable::kPartnerships, {excel});
  const std::string prefix = "1" + std::string(11, sep[0]);
  const std::string suffix = sep + "non" + eol;
  const std::size_t start = csv.find(eol) + eol.size();
  EXPECT_EQ(csv.compare(start, prefix.size(), prefix), 0) << csv;
  EXPECT_EQ(csv.substr(csv.size() - suffix.size()), suffix) << csv;
  return csv.substr(start + prefix.size(),
                    csv.size() - suffix.size() - start - prefix.size());
}

TEST(CsvExport, QuotingAndFormulaNeutralisation) {
  struct Case {
    std::string object;
    bool excel;
    std::string expected;
  };
  const Case cases[] = {
      {"plain text", false, "plain text"},
      {"a,b", false, "\"a,b\""},
      {"a,b", true, "a,b"},
      {"a;b", false, "a;b"},
      {"a;b", true, "\"a;b\""},
      {"say \"hi\"", false, "\"say \"\"hi\"\"\""},
      {"two\nlines", false, "\"two\nlines\""},
      {"cr\r\nlf", true, "\"cr\r\nlf\""},
      {"=1+1", false, "'=1+1"},
      {"+33 1 23", false, "'+33 1 23"},
      {"-2", true, "'-2"},
      {"@SUM(A1)", false, "'@SUM(A1)"},
      {"\tcmd", false, "'\tcmd"},
      {"=a,b", false, "\"'=a,b\""},
      {"a=b", false, "a=b"},
      {"", false, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ObjectCell(c.object, c.excel), c.expected)
        << "object: " << c.object << " excel: " << c.excel;
  }
}

TEST(CsvExport, FormatCents) {
  struct Case {
    std::int64_t cents;
    char separator;
    const char* expected;
  };
  const Case cases[] = {
      {0, '.', "0.00"},
      {5, '.', "0.05"},
      {-5, '.', "-0.05"},
      {-100, ',', "-1,00"},
      {1234567, '.', "12345.67"},
      {-1234567, '.', "-12345.67"},
      {-1234567, ',', "-12345,67"},
      {std::numeric_limits<std::int64_t>::max(), '.', "92233720368547758.07"},
      {std::numeric_limits<std::int64_t>::min(), '.', "-92233720368547758.08"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(internal::FormatCents(c.cents, c.separator), c.expected)
        << c.cents;
  }
}

TEST(CsvExport, BudgetPlannedElseActual) {
  struct Case {
    const char* name;
    std::vector<FundingLine> lines;
    const char* expected;
  };
  const Case cases[] = {
      {"no lines", {}, ""},
      {"planned zero wins",
       {Line("a", "actual", 900, 2020), Line("b", "planned", 0, 2020)},
       "0.00"},
      {"actual only",
       {Line("a", "actual", -250, 2020), Line("b", "actual", 100, 2021)},
       "-1.50"},
  };
  for (const auto& c : cases) {
    ExportData data;
    Project p;
    p.funding = c.lines;
    data.projects = {p};
    const std::string csv = ToCsv(data, CsvTable::kProjects, {});
    EXPECT_EQ(csv.substr(csv.find('\n') + 1),
              "0,,,,,,,,,,,,," + std::string(c.expected) + ",non\n")
        << c.name;
  }
}

TEST(CsvExport, IsoDatesAndDecimals) {
  EXPECT_TRUE(internal::ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(internal::ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(internal::ParseIsoDate("2021-13-01"));
  EXPECT_FALSE(internal::ParseIsoDate("2021-3-01"));
  EXPECT_FALSE(internal::ParseIsoDate("2021"));
  EXPECT_TRUE(internal::IsPlainDecimal("-655.957"));
  EXPECT_FALSE(internal::IsPlainDecimal(".5"));
  EXPECT_FALSE(internal::IsPlainDecimal("5."));
  EXPECT_FALSE(internal::IsPlainDecimal("1e3"));
  EXPECT_FALSE(internal::IsPlainDecimal("-"));
}

// SmallData() plus a partnership from two French parties (the first not
// placed) to three partners (one not placed), and two without any line.
TEST(GeoJsonExport, FeatureCollection) {
  ExportData data = SmallData();
  const auto& a = data.authorities;
  AuthorityRef unknown;  // not in data.authorities
  unknown.id = 999;
  data.partnerships.push_back(
      MakePartnership(12, {Ref(a.at(3)), Ref(a.at(1))},
                      {Ref(a.at(2)), Ref(a.at(3)), Ref(a.at(5))}));
  data.partnerships.push_back(
      MakePartnership(13, {Ref(a.at(1))}, {Ref(a.at(3))}));
  data.partnerships.push_back(MakePartnership(14, {unknown}, {Ref(a.at(5))}));
  data.authorities[6] =
      MakeAuthority(6, "foreign", "XX", "", "Off the map", 91.0, 0.0);

  const std::string text = ToGeoJson(data);
  EXPECT_EQ(text.find("4.834329"), std::string::npos);  // rounded
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["type"], "FeatureCollection");
  EXPECT_EQ(json["metadata"]["generated_at"], "2024-05-01T12:00:00Z");
  EXPECT_EQ(json["metadata"]["filters"], "pays = BF");
  EXPECT_EQ(json["metadata"]["demonstration"], true);
  const auto& features = json["features"];
  // Points: 1, 2, 4, 5 (3 has no lat, 6 is out of range); lines: 10, 11, 12.
  ASSERT_EQ(features.size(), 7u);
  const std::int64_t point_ids[] = {1, 2, 4, 5};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(features[i]["type"], "Feature");
    EXPECT_EQ(features[i]["geometry"]["type"], "Point");
    EXPECT_EQ(features[i]["properties"]["id"], point_ids[i]);
  }
  EXPECT_EQ(features[0]["properties"]["name"], "Lyon");
  EXPECT_EQ(features[0]["properties"]["kind"], "commune");
  EXPECT_EQ(features[0]["properties"]["country"], "FR");
  EXPECT_EQ(features[0]["properties"]["code"], "69123");
  // [lng, lat], 5 decimals: 4.834329 -> 4.83433, 45.767299 -> 45.7673.
  const auto& lyon = features[0]["geometry"]["coordinates"];
  EXPECT_DOUBLE_EQ(lyon[0].get<double>(), 4.83433);
  EXPECT_DOUBLE_EQ(lyon[1].get<double>(), 45.7673);
  const auto& ouaga = features[1]["geometry"]["coordinates"];
  EXPECT_DOUBLE_EQ(ouaga[0].get<double>(), -1.51966);
  EXPECT_DOUBLE_EQ(ouaga[1].get<double>(), 12.37143);

  const auto& p10 = features[4];
  EXPECT_EQ(p10["geometry"]["type"], "LineString");
  EXPECT_EQ(p10["properties"]["id"], 10);
  EXPECT_EQ(p10["properties"]["kind"], "jumelage");
  EXPECT_EQ(p10["properties"]["status"], "active");
  EXPECT_EQ(p10["properties"]["french"], nlohmann::json({"Lyon"}));
  EXPECT_EQ(p10["properties"]["partners"],
            nlohmann::json({"Ouagadougou", "Bamako"}));
  EXPECT_EQ(p10["geometry"]["coordinates"],
            nlohmann::json::parse("[[4.83433,45.7673],[-1.51966,12.37143]]"));
  EXPECT_EQ(features[5]["geometry"]["coordinates"],
            nlohmann::json::parse("[[5.72452,45.18853],[10.76028,34.74056]]"));
  const auto& p12 = features[6];
  EXPECT_EQ(p12["properties"]["id"], 12);
  EXPECT_EQ(p12["geometry"]["type"], "MultiLineString");
  EXPECT_EQ(p12["geometry"]["coordinates"],
            nlohmann::json::parse("[[[4.83433,45.7673],[-1.51966,12.37143]],"
                                  "[[4.83433,45.7673],[10.76028,34.74056]]]"));
}

TEST(GeoJsonExport, NoDemoNegativeZeroAndBadUtf8) {
  ExportData data;
  data.authorities[1] =
      MakeAuthority(1, "commune", "FR", "1", "Bad \xFF name", -0.000001, 0.0);
  const auto json = nlohmann::json::parse(ToGeoJson(data));
  EXPECT_EQ(json["metadata"]["demonstration"], false);
  ASSERT_EQ(json["features"].size(), 1u);
  const double lat = json["features"][0]["geometry"]["coordinates"][1];
  EXPECT_EQ(lat, 0.0);
  EXPECT_FALSE(std::signbit(lat));
  EXPECT_EQ(json["features"][0]["properties"]["name"], "Bad \xEF\xBF\xBD name");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A member of the zip, or "" (needs /usr/bin/unzip).
std::string Unzip(const std::string& zip, const std::string& member,
                  const std::string& out) {
  const std::string command =
      "unzip -p '" + zip + "' " + member + " > '" + out + "'";
  if (std::system(command.c_str()) != 0) return "";
  return ReadFile(out);
}

TEST(XlsxExport, WritesWorkbook) {
  for (const bool demo : {true, false}) {
    testing::TempDir dir;
    const std::string path = dir.File("export.xlsx");
    ExportData data = SmallData();
    if (!demo) {
      data.partnerships[1].meta.demo = false;
      data.projects[1].meta.demo = false;
    }
    const Status status = WriteXlsx(data, path);
    ASSERT_TRUE(status.ok()) << status.ToString();
    const std::string bytes = ReadFile(path);
    ASSERT_GT(bytes.size(), 4u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    // Member names are stored uncompressed in the zip directory.
    for (int i = 1; i <= 4; ++i) {
      const std::string name =
          "xl/worksheets/sheet" + std::to_string(i) + ".xml";
      EXPECT_NE(bytes.find(name), std::string::npos) << name;
    }
    EXPECT_EQ(bytes.find("xl/worksheets/sheet5.xml"), std::string::npos);
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/unzip"))
        << "unzip is a test dependency (deps/apt-packages.txt)";

    const std::string out = dir.File("out");
    const std::string workbook = Unzip(path, "xl/workbook.xml", out);
    for (const char* sheet : {"name=\"Partenariats\"", "name=\"Projets\"",
                              "name=\"Financements\"", "name=\"À propos\""}) {
      EXPECT_NE(workbook.find(sheet), std::string::npos) << sheet;
    }
    // Projets: 2021-03-15 is the Excel date 44270 (2021-01-01 = 44197).
    EXPECT_NE(Unzip(path, "xl/worksheets/sheet2.xml", out).find("<v>44270</v>"),
              std::string::npos);
    // Financements: amounts as numbers in euros.
    const std::string funding = Unzip(path, "xl/worksheets/sheet3.xml", out);
    EXPECT_NE(funding.find("<v>-12345.67</v>"), std::string::npos);
    EXPECT_NE(funding.find("<v>655.957</v>"), std::string::npos);
    EXPECT_NE(funding.find("<autoFilter ref=\"A1:M6\"/>"), std::string::npos);
    EXPECT_NE(funding.find("state=\"frozen\""), std::string::npos);
    const std::string strings = Unzip(path, "xl/sharedStrings.xml", out);
    EXPECT_NE(strings.find("Jumelages : Wikipédia (CC BY-SA 4.0)"),
              std::string::npos);
    EXPECT_NE(strings.find("Collectivités françaises : COG (INSEE) via "
                           "@etalab/decoupage-administratif, Licence Ouverte "
                           "2.0"),
              std::string::npos);
    EXPECT_EQ(strings.find("Contient des données de démonstration") !=
                  std::string::npos,
              demo);
  }
}

TEST(XlsxExport, UnwritablePathIsIoError) {
  testing::TempDir dir;
  const std::string path = dir.File("missing/dir/export.xlsx");
  const Status status = WriteXlsx(SmallData(), path);
  EXPECT_EQ(status.code(), Code::kIo);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
}

}  // namespace
}  // namespace coopatlas::exporter
