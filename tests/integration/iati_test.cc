// IATI 2.03 through the registry (docs/iati.md): the demonstration data
// exports to a file that passes the XSD (ours and xmllint's) and the rules;
// export -> import into an empty database -> export is identical; the
// import tolerates what real files contain and refuses what is not IATI,
// writing nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "core/file.h"
#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

const char kPublisher[] = "FR-INSEE-213505047";  // a SIREN under FR-INSEE

std::string Demo(const char* file) {
  return SourceDir() + "/data/demo/" + file;
}
std::string Synthetic(const char* file) {
  return SourceDir() + "/tests/data/iati/synthetic-dc/" + file;
}
std::string Schema() {
  return SourceDir() +
         "/third_party/iati-schemas-2.03/iati-activities-schema.xsd";
}

void LoadDemo(Registry* registry) {
  ProjectImportOptions o;
  o.projects_file = Demo("projets.csv");
  o.funding_file = Demo("financements.csv");
  o.demo = true;
  auto r = registry->ImportProjects(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->created, 200);
}

IatiExportOptions Export(const std::string& out) {
  IatiExportOptions o;
  o.publisher = kPublisher;
  o.publisher_name = "Rennes";
  o.out = out;
  return o;
}

std::string Read(const std::string& path) {
  auto text = core::ReadFile(path);
  EXPECT_TRUE(text.ok()) << path;
  return text.ok() ? *text : std::string();
}

std::int64_t MaxRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(Iati, DemoDataExportsToAValidFile) {
  ScratchDb db;
  auto registry = db.Open();
  LoadDemo(registry.get());
  const std::string out = db.File("demo.xml");
  auto report = registry->ExportIati(Export(out));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->activities, 200);
  EXPECT_TRUE(report->validation.schema_valid);
  EXPECT_EQ(report->validation.errors, 0);
  // The same verdict from the validator command's path and from xmllint.
  auto again = registry->ValidateIati(out);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->errors, 0);
  EXPECT_EQ(again->activities, 200);
  const std::string xmllint = "xmllint --stream --noout --schema " + Schema() +
                              " " + out + " 2>/dev/null";
  EXPECT_EQ(std::system(xmllint.c_str()), 0);
  // Identifiers prefixed by the publisher; the French lead by prefix-SIREN
  // (Échirolles, INSEE 38151, SIREN 213801517); the partner abroad as a
  // local government of the recipient country.
  const std::string xml = Read(out);
  EXPECT_THAT(xml, ::testing::HasSubstr(
                       "<iati-identifier>FR-INSEE-213505047-DEMO-0001<"));
  EXPECT_THAT(xml, ::testing::HasSubstr(
                       "<participating-org ref=\"FR-INSEE-213801517\" "
                       "type=\"11\" role=\"2\" crs-channel-code=\"11002\">"));
  EXPECT_THAT(xml, ::testing::HasSubstr(
                       "<participating-org type=\"11\" role=\"4\" "
                       "crs-channel-code=\"12002\">\n   <narrative>Kaffrine<"));
}

TEST(Iati, ExportImportExportIsIdentical) {
  ScratchDb first;
  auto registry = first.Open();
  LoadDemo(registry.get());
  const std::string a = first.File("a.xml");
  ASSERT_TRUE(registry->ExportIati(Export(a)).ok());

  ScratchDb empty;
  auto other = empty.Open();
  IatiImportOptions in;
  in.file = a;
  auto imported = other->ImportIati(in);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->created, 200);
  EXPECT_TRUE(imported->written);
  const std::string b = empty.File("b.xml");
  auto exported = other->ExportIati(Export(b));
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_EQ(Read(a), Read(b));

  // Idempotent by iati-identifier: a second import changes nothing.
  const std::string before = Digest(empty.path());
  auto again = other->ImportIati(in);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 200);
  EXPECT_FALSE(again->written);
  EXPECT_EQ(Digest(empty.path()), before);
  // Local authorities linked to the known authorities (by prefix-SIREN
  // and by "Name (région)"), not kept as actors.
  EXPECT_EQ(CountRows(empty.path(),
                      "SELECT count(*) FROM project_participant pp JOIN "
                      "authority a ON a.id = pp.authority_id WHERE "
                      "a.country = 'FR' AND a.code = '38151'"),
            CountRows(first.path(),
                      "SELECT count(*) FROM project_participant pp JOIN "
                      "authority a ON a.id = pp.authority_id WHERE "
                      "a.country = 'FR' AND a.code = '38151'"));
  EXPECT_GT(CountRows(empty.path(),
                      "SELECT count(*) FROM authority WHERE kind = 'region' "
                      "AND code = '53'"),
            0);
}

TEST(Iati, ExportRefusesAnInvalidFileUnlessForced) {
  ScratchDb db;
  auto registry = db.Open();
  IatiImportOptions in;
  in.file = Synthetic("dc-bad-no-start-date.xml");
  auto imported = registry->ImportIati(in);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  IatiExportOptions o = Export(db.File("out.xml"));
  o.publisher = "FR-RCS-000000000";
  auto refused = registry->ExportIati(o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kInvalidArgument);
  EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("[6.11.1]"));
  EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("--force"));
  EXPECT_FALSE(std::filesystem::exists(o.out));
  EXPECT_FALSE(std::filesystem::exists(o.out + ".iati-tmp"));
  o.force = true;
  auto forced = registry->ExportIati(o);
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(o.out));
  EXPECT_GT(forced->validation.errors, 0);
}

TEST(Iati, ImportToleratesRealFilesWithAWarningEach) {
  ScratchDb db;
  auto registry = db.Open();
  const std::string path = db.Write("real.xml", R"(<?xml version="1.0"?>
<iati-activities version="2.03">
 <iati-activity xml:lang="FR" default-currency="EUR">
  <iati-identifier>XM-DAC-7-1-1234</iati-identifier>
  <reporting-org ref="XM-DAC-7" type="10"><narrative>Agence</narrative></reporting-org>
  <title><narrative>Eau potable à Dakar</narrative><narrative xml:lang="EN">Drinking water in Dakar</narrative></title>
  <participating-org role="4" type="11" crs-channel-code="11002"><narrative>Lyon</narrative></participating-org>
  <participating-org role="1" type="9999"><narrative>Bailleur</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2021-01-01"/>
  <recipient-country code="SN"/>
  <location><name><narrative>Dakar</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"></point></location>
  <sector vocabulary="1" code="14020" percentage="1e2"/>
  <sector vocabulary="1" code="99999"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-06-30"/><value>1e-10</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-07-30"/><value>2500.5</value><provider-org><narrative>Lyon</narrative></provider-org></transaction>
 </iati-activity>
</iati-activities>
)");
  IatiImportOptions in;
  in.file = path;
  auto r = registry->ImportIati(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->created, 1);
  std::string warnings;
  for (const auto& issue : r->issues) warnings += issue.name + "\n";
  for (const char* expected :
       {"xml:lang 'FR' in upper case", "narrative xml:lang 'EN'",
        "an empty <point>", "unknown DAC sector code '99999'",
        "'1e2' written with an exponent", "'1e-10' written with an exponent",
        "unknown organisation type '9999'"}) {
    EXPECT_THAT(warnings, ::testing::HasSubstr(expected));
  }
  auto projects = registry->ListProjects({});
  ASSERT_TRUE(projects.ok());
  ASSERT_EQ(projects->size(), 1u);
  const Project& p = (*projects)[0];
  EXPECT_EQ(p.ref, "XM-DAC-7-1-1234");
  EXPECT_EQ(p.title_fr, "Eau potable à Dakar");
  EXPECT_EQ(p.title_en, "Drinking water in Dakar");
  EXPECT_EQ(p.status, "ongoing");
  EXPECT_EQ(p.started_on, "2021-01-01");
  ASSERT_EQ(p.dac.size(), 1u);
  EXPECT_EQ(p.dac[0].first, "14020");
  // Lyon (by name, CRS channel 11002) is the known commune 69123.
  ASSERT_FALSE(p.participants.empty());
  ASSERT_TRUE(p.participants[0].authority.has_value());
  EXPECT_EQ(p.participants[0].authority->code, "69123");
  // The two disbursements: 1e-10 EUR rounds to 0 cents; Lyon funds 2,500.50.
  std::int64_t cents = 0;
  for (const auto& f : p.funding) cents += f.amount_cents;
  EXPECT_EQ(cents, 250050);
}

struct BadFile {
  const char* name;
  std::string content;
  const char* says;
};

TEST(Iati, NotIatiIsRefusedAndNothingIsWritten) {
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [\n"
      "<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += "&l" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb +=
      "]>\n<iati-activities version=\"2.03\"><iati-activity>"
      "<iati-identifier>&l9;</iati-identifier></iati-activity>"
      "</iati-activities>\n";
  ScratchDb db;
  const std::string secret = db.Write("secret.txt", "TOP-SECRET");
  const std::vector<BadFile> files = {
      {"csv.xml", "ref,title\nP1,Eau\n", "not well-formed"},
      {"root.xml", "<?xml version=\"1.0\"?>\n<projects><project/></projects>\n",
       "<projects>"},
      {"bomb.xml", bomb, "entity"},
      {"xxe.xml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [<!ENTITY s "
       "SYSTEM \"file://" +
           secret +
           "\">]>\n<iati-activities version=\"2.03\"><iati-activity>"
           "<iati-identifier>&s;</iati-identifier></iati-activity>"
           "</iati-activities>\n",
       "DOCTYPE"},
      {"truncated.xml",
       "<iati-activities version=\"2.03\">\n <iati-activity>\n"
       "  <iati-identifier>X-1</iati-identifier>\n",
       "truncated.xml:"},
  };
  auto registry = db.Open();
  const std::string before = Digest(db.path());
  for (const auto& f : files) {
    const std::string path = db.Write(f.name, f.content);
    IatiImportOptions in;
    in.file = path;
    auto r = registry->ImportIati(in);
    ASSERT_FALSE(r.ok()) << f.name;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << f.name;
    EXPECT_THAT(r.status().message(), ::testing::HasSubstr(f.says)) << f.name;
    EXPECT_THAT(r.status().message(), ::testing::HasSubstr("nothing imported"));
    EXPECT_THAT(r.status().message(),
                ::testing::Not(::testing::HasSubstr("TOP-SECRET")));
    auto v = registry->ValidateIati(path);
    ASSERT_TRUE(v.ok()) << f.name;
    EXPECT_TRUE(v->fatal) << f.name;
    EXPECT_FALSE(v->ok()) << f.name;
  }
  EXPECT_EQ(Digest(db.path()), before);
}

// A 200 MB file made at run time: validated in bounded memory, and an
// import that fails on its last line writes nothing.
TEST(Iati, A200MbFileStreamsInBoundedMemory) {
  ScratchDb db;
  const std::string activity = Read(Synthetic("dc-minimal-valid.xml"));
  const auto from = activity.find(" <iati-activity ");
  const auto to = activity.find("</iati-activities>");
  ASSERT_NE(from, std::string::npos);
  const std::string body = activity.substr(from, to - from);
  const std::string path = db.File("big.xml");
  std::int64_t count = 0;
  {
    std::ofstream out(path, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<iati-activities version=\"2.03\">\n";
    std::int64_t bytes = 0;
    const std::string id = "FR-RCS-000000000-DC-2024-001";
    while (bytes < 200LL * 1000 * 1000) {
      std::string copy = body;
      copy.replace(copy.find(id), id.size(), id + "-" + std::to_string(count));
      out << copy;
      bytes += static_cast<std::int64_t>(copy.size());
      ++count;
    }
    out << " <iati-activity>\n  <iati-identifier>broken";  // truncated
  }
  ASSERT_GE(std::filesystem::file_size(path), 200u * 1000 * 1000);
  auto registry = db.Open();
  const std::int64_t rss_before = MaxRssKb();
  auto v = registry->ValidateIati(path, "2025-07-01");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->fatal);
  // Every whole activity was read (the truncated one may not be counted).
  EXPECT_GE(v->activities, count);
  ASSERT_FALSE(v->messages.empty());
  EXPECT_EQ(v->messages.back().rule, "0.1.1");
  // Streaming: the peak grows by far less than the file's 200 MB.
  EXPECT_LT(MaxRssKb() - rss_before, 64 * 1024);

  const std::string before = Digest(db.path());
  IatiImportOptions in;
  in.file = path;
  auto r = registry->ImportIati(in);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("nothing imported"));
  EXPECT_EQ(Digest(db.path()), before);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace coopatlas::testing
