// The streamed IATI export (docs/iati.md, docs/benchmarks.md): projects
// read a batch at a time (store::ForEachProjectBatch) are the projects of
// ListProjects, complete and in ref order, with or without a filter, and
// the export of a filtered atlas holds exactly the filtered projects.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/file.h"
#include "integration/records_util.h"
#include "store/records.h"

namespace coopatlas::testing {
namespace {

// Everything the IATI export reads of a project, and more, as text.
std::string Describe(const Project& p) {
  std::string s = std::to_string(p.meta.id) + "|" + p.ref + "|" + p.title_fr +
                  "|" + p.title_en + "|" + p.description_fr + "|" +
                  p.description_en + "|" + p.started_on + "|" + p.ended_on +
                  "|" + p.status + "|" + p.beneficiaries + "|" +
                  std::to_string(p.meta.version) + "|themes:";
  for (const auto& t : p.themes) s += t + ",";
  s += "|sdgs:";
  for (const auto& g : p.sdgs) s += g.code + "/" + g.status + ",";
  s += "|dac:";
  for (const auto& [code, pct] : p.dac) {
    s += code + "/" + (pct ? std::to_string(*pct) : "-") + ",";
  }
  s += "|locations:";
  for (const auto& l : p.locations) s += l.country + "/" + l.name + ",";
  s += "|participants:";
  for (const auto& pa : p.participants) {
    s += (pa.authority ? pa.authority->code + "/" + pa.authority->name : "") +
         (pa.actor ? "actor:" + pa.actor->name : "") + "/" + pa.role + "/" +
         std::to_string(pa.iati_role) + ",";
  }
  s += "|funding:";
  for (const auto& f : p.funding) {
    s += f.key + "/" + std::to_string(f.year) + "/" + f.nature + "/" +
         std::to_string(f.amount_cents) + "/" +
         (f.funder_authority ? f.funder_authority->code : "") +
         (f.funder_actor ? f.funder_actor->name : "") + "/" + f.mechanism + ",";
  }
  return s;
}

std::vector<std::string> Listed(store::Db* db, const store::ProjectFilter& f) {
  auto projects = store::ListProjects(db, f);
  EXPECT_TRUE(projects.ok()) << projects.status().ToString();
  std::vector<Project> sorted =
      projects.ok() ? *projects : std::vector<Project>{};
  std::sort(sorted.begin(), sorted.end(),
            [](const Project& a, const Project& b) { return a.ref < b.ref; });
  std::vector<std::string> out;
  out.reserve(sorted.size());
  for (const auto& p : sorted) out.push_back(Describe(p));
  return out;
}

std::vector<std::string> Batched(store::Db* db, const store::ProjectFilter& f,
                                 std::size_t batch, int* batches) {
  std::vector<std::string> out;
  *batches = 0;
  const Status s = store::ForEachProjectBatch(
      db, f, batch, [&](std::vector<Project>& projects) {
        EXPECT_LE(projects.size(), batch);
        ++*batches;
        for (const auto& p : projects) out.push_back(Describe(p));
        return Status::Ok();
      });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

class IatiExportBatches : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = scratch_.Open();
    ProjectImportOptions o;
    o.projects_file = SourceDir() + "/data/demo/projets.csv";
    o.funding_file = SourceDir() + "/data/demo/financements.csv";
    o.demo = true;
    auto r = registry->ImportProjects(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->created, 200);
    auto db = store::Db::Open(scratch_.path(), store::OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  ScratchDb scratch_;
  std::unique_ptr<store::Db> db_;
};

TEST_F(IatiExportBatches, BatchesAreTheListedProjectsInRefOrder) {
  const std::vector<std::string> listed = Listed(db_.get(), {});
  ASSERT_EQ(listed.size(), 200u);
  int batches = 0;
  // 200 projects by 7: 28 full batches and one of 4.
  EXPECT_EQ(Batched(db_.get(), {}, 7, &batches), listed);
  EXPECT_EQ(batches, 29);
  EXPECT_EQ(Batched(db_.get(), {}, 1000, &batches), listed);
  EXPECT_EQ(batches, 1);
}

TEST_F(IatiExportBatches, AFilterSelectsTheSameProjects) {
  // The country of the first located project, as a filter.
  auto all = store::ListProjects(db_.get(), {});
  ASSERT_TRUE(all.ok());
  std::string country;
  for (const auto& p : *all) {
    if (!p.locations.empty() && !p.locations[0].country.empty()) {
      country = p.locations[0].country;
      break;
    }
  }
  ASSERT_FALSE(country.empty());
  store::ProjectFilter f;
  f.country = country;
  const std::vector<std::string> listed = Listed(db_.get(), f);
  ASSERT_FALSE(listed.empty());
  ASSERT_LT(listed.size(), all->size());
  int batches = 0;
  EXPECT_EQ(Batched(db_.get(), f, 3, &batches), listed);
  EXPECT_EQ(batches, static_cast<int>((listed.size() + 2) / 3));
}

TEST_F(IatiExportBatches, ABatchErrorStopsTheReading) {
  int calls = 0;
  const Status s =
      store::ForEachProjectBatch(db_.get(), {}, 10, [&](std::vector<Project>&) {
        ++calls;
        return Status::Io("disk full");
      });
  EXPECT_EQ(s.code(), Code::kIo);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace coopatlas::testing
