// The audit trail of `import iati` (docs/iati.md, store/writer.h): each
// imported activity's changes make one audit row (action "group", entity
// "project"), holding an entry for every row written; a later change of one
// field is one ordinary row.
#include <gtest/gtest.h>

#include <string>

#include "core/file.h"
#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

// The demonstration projects exported as IATI (200 activities).
std::string DemoIati(ScratchDb* db) {
  auto registry = db->Open();
  ProjectImportOptions o;
  o.projects_file = SourceDir() + "/data/demo/projets.csv";
  o.funding_file = SourceDir() + "/data/demo/financements.csv";
  o.demo = true;
  EXPECT_TRUE(registry->ImportProjects(o).ok());
  IatiExportOptions e;
  e.publisher = "FR-INSEE-213505047";
  e.publisher_name = "Rennes";
  e.out = db->File("demo.xml");
  EXPECT_TRUE(registry->ExportIati(e).ok());
  return e.out;
}

// Entries of the group rows about `entity`.
std::string Entries(const std::string& entity) {
  return "SELECT count(*) FROM audit a, json_each(a.new_value) e WHERE "
         "a.action = 'group' AND json_extract(e.value, '$.entity') = '" +
         entity + "' AND json_extract(e.value, '$.action') = 'insert'";
}

TEST(IatiImportAudit, OneRowPerActivityHoldingEveryWrite) {
  ScratchDb source;
  const std::string file = DemoIati(&source);
  ScratchDb empty;
  auto registry = empty.Open();
  IatiImportOptions in;
  in.file = file;
  auto r = registry->ImportIati(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->created, 200);
  const std::string& db = empty.path();
  EXPECT_EQ(CountRows(db,
                      "SELECT count(*) FROM audit WHERE action = 'group' "
                      "AND entity = 'project'"),
            200);
  // Each group is about its own project, which it inserts.
  EXPECT_EQ(CountRows(db,
                      "SELECT count(*) FROM audit a, json_each(a.new_value) "
                      "e WHERE a.action = 'group' AND json_extract(e.value, "
                      "'$.entity') = 'project' AND json_extract(e.value, "
                      "'$.entity_id') = a.entity_id"),
            200);
  // Every row the import wrote has its entry, with its values.
  for (const char* table :
       {"project", "project_location", "project_dac", "project_sdg",
        "project_participant", "funding_line"}) {
    EXPECT_EQ(CountRows(db, Entries(table)),
              CountRows(db, std::string("SELECT count(*) FROM ") + table))
        << table;
  }
  EXPECT_EQ(CountRows(db,
                      "SELECT count(*) FROM project p JOIN audit a ON "
                      "a.action = 'group' AND a.entity_id = p.id JOIN "
                      "json_each(a.new_value) e ON json_extract(e.value, "
                      "'$.entity') = 'project' AND json_extract(e.value, "
                      "'$.new_value.title_fr') = p.title_fr AND "
                      "json_extract(e.value, '$.new_value.ref') = p.ref"),
            200);
  // No row of the import's tables outside the groups.
  EXPECT_EQ(CountRows(db,
                      "SELECT count(*) FROM audit WHERE entity IN "
                      "('project', 'project_location', 'funding_line') AND "
                      "action <> 'group'"),
            0);

  // One title changed in the file: one ordinary "update" row for it.
  auto text = core::ReadFile(file);
  ASSERT_TRUE(text.ok());
  const auto before = CountRows(db, "SELECT count(*) FROM audit");
  std::string changed = *text;
  const std::string from = "<title>\n   <narrative>";
  const auto at = changed.find(from);
  ASSERT_NE(at, std::string::npos);
  changed.insert(at + from.size(), "Nouveau : ");
  const std::string file2 = empty.File("changed.xml");
  ASSERT_TRUE(core::WriteFileAtomic(file2, changed).ok());
  in.file = file2;
  auto again = registry->ImportIati(in);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(again->unchanged, 199);
  EXPECT_EQ(CountRows(db,
                      "SELECT count(*) FROM audit WHERE action = 'update' "
                      "AND entity = 'project' AND json_extract(new_value, "
                      "'$.title_fr') LIKE 'Nouveau : %'"),
            1);
  // That row, the run's two rows and the search index's.
  EXPECT_EQ(CountRows(db, "SELECT count(*) FROM audit") - before, 4);
}

}  // namespace
}  // namespace coopatlas::testing
