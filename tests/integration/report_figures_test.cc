// The national report counts in SQL and loads only the records it lists
// (src/store/finance_reads.cc ReadNationalReportCounts, ReadFundingTotals):
// its figures are checked here against a plain recomputation from every
// record of the demonstration database (twinnings and demo projects), for
// the whole atlas and for single years.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "coopatlas/report.h"
#include "finance/cofinancing.h"
#include "integration/records_util.h"
#include "registry/labels.h"
#include "report/render.h"

namespace coopatlas::testing {
namespace {

ScratchDb* figures_db = nullptr;

bool ActiveIn(const std::string& started, const std::string& ended, int year) {
  const std::string y = std::to_string(year);
  if (started.size() >= 4 && started.substr(0, 4) > y) return false;
  if (ended.size() >= 4 && ended.substr(0, 4) < y) return false;
  return true;
}

using Bars = std::vector<std::pair<std::string, std::int64_t>>;

// Largest first, ties by label (as a report ranks its bars).
Bars Ranked(const std::map<std::string, std::int64_t>& m) {
  Bars out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;
  });
  return out;
}

Bars Of(const std::vector<ReportBar>& bars) {
  Bars out;
  for (const auto& b : bars) out.emplace_back(b.label, b.value);
  return out;
}

// What a national report should show, from every record.
struct Expected {
  std::int64_t partnerships = 0, projects = 0, french = 0, countries = 0;
  bool demo = false;
  std::string freshness;
  Bars themes, sdgs, countries_top, years, sources;
  std::vector<std::string> first_refs;
  std::size_t first_partnerships = 0;
  // The maps: ISO numeric -> partnerships + projects; département ->
  // French authorities; French authorities with no département.
  std::map<std::string, std::int64_t> world, france;
  std::int64_t off_map = 0;
  FinanceSummary finance;
};

bool HasTheme(const Project& p, const std::string& theme) {
  return theme.empty() ||
         std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
}

Expected Recompute(const Registry& registry, const Labels& labels,
                   std::optional<int> year, const std::string& theme = "") {
  Expected e;
  auto projects = registry.ListProjects({});
  auto partnerships = registry.ListPartnerships({});
  EXPECT_TRUE(projects.ok() && partnerships.ok());
  std::erase_if(*projects, [&](const Project& p) {
    return !HasTheme(p, theme) ||
           (year && !ActiveIn(p.started_on, p.ended_on, *year));
  });
  std::set<std::int64_t> kept;
  for (const Project& p : *projects) {
    if (p.partnership_id) kept.insert(*p.partnership_id);
  }
  std::erase_if(*partnerships, [&](const Partnership& p) {
    if (kept.count(p.meta.id) > 0) return false;
    if (!theme.empty()) return true;
    return year && !ActiveIn(p.started_on, p.ended_on, *year);
  });
  std::set<std::int64_t> french;
  std::map<std::int64_t, std::string> departement_of;
  std::map<std::string, std::int64_t> world;  // alpha-2
  std::set<std::string> countries;
  std::map<std::string, std::int64_t> themes, sdgs, top, years;
  std::vector<FinanceLine> lines;
  for (const Partnership& p : *partnerships) {
    e.demo = e.demo || p.meta.demo;
    e.freshness = std::max(e.freshness, p.meta.updated_at);
    std::set<std::string> partner_countries;
    for (const auto& a : p.french) {
      french.insert(a.id);
      departement_of[a.id] = a.departement;
    }
    for (const auto& a : p.partners) {
      countries.insert(a.country);
      partner_countries.insert(a.country);
    }
    for (const auto& c : partner_countries) ++world[c];
  }
  for (const Project& p : *projects) {
    e.demo = e.demo || p.meta.demo;
    e.freshness = std::max(e.freshness, p.meta.updated_at);
    if (e.first_refs.size() < 1000) e.first_refs.push_back(p.ref);
    for (const auto& t : p.themes) ++themes[labels.Of("theme", t).first];
    std::set<std::string> goals;
    for (const auto& s : p.sdgs) {
      if (s.status != "rejected") {
        goals.insert(s.code.substr(0, s.code.find('.')));
      }
    }
    for (const auto& g : goals) ++sdgs[labels.Of("sdg", g).first];
    std::set<std::string> cs;
    for (const auto& l : p.locations) {
      if (l.country != "FR") cs.insert(l.country);
    }
    for (const auto& part : p.participants) {
      if (!part.authority) continue;
      if (part.authority->country == "FR") {
        french.insert(part.authority->id);
        departement_of[part.authority->id] = part.authority->departement;
      } else {
        cs.insert(part.authority->country);
      }
    }
    for (const auto& c : cs) {
      countries.insert(c);
      ++world[c];
      ++top[labels.Of("country", c).first];
    }
    if (p.started_on.size() >= 4) ++years[p.started_on.substr(0, 4)];
  }
  // The finance figures are of the lines of all projects (a year narrows
  // them to the lines of that year, whatever the project's dates).
  auto all = registry.ListProjects({});
  EXPECT_TRUE(all.ok());
  for (const Project& p : *all) {
    if (!HasTheme(p, theme)) continue;
    for (const FundingLine& f : p.funding) {
      FinanceLine l;
      l.project_id = p.meta.id;
      l.funder_type = finance::ClassifyFunder(
          f.funder_authority.has_value(),
          f.funder_authority ? f.funder_authority->country : "",
          f.funder_actor ? f.funder_actor->org_type : "");
      l.mechanism = f.mechanism;
      l.year = f.year;
      l.actual = f.nature == "actual";
      l.amount_cents = f.amount_cents;
      l.currency = f.currency;
      l.demo = f.meta.demo;
      lines.push_back(l);
    }
  }
  e.finance = finance::Summarize(lines, "national", year);
  std::map<std::string, std::int64_t> sources;
  for (const auto& [type, cents] : e.finance.planned.by_funder_type) {
    sources[report::FunderTypeLabel(type)] += cents;
  }
  countries.erase("");
  for (const auto& [alpha2, n] : world) {
    if (!alpha2.empty())
      e.world[labels.Of("country_numeric", alpha2).first] += n;
  }
  for (const auto& [id, dep] : departement_of) {
    if (dep.empty()) {
      ++e.off_map;
    } else {
      ++e.france[dep];
    }
  }
  e.partnerships = static_cast<std::int64_t>(partnerships->size());
  e.projects = static_cast<std::int64_t>(projects->size());
  e.french = static_cast<std::int64_t>(french.size());
  e.countries = static_cast<std::int64_t>(countries.size());
  e.first_partnerships = std::min<std::size_t>(partnerships->size(), 1000);
  e.themes = Ranked(themes);
  e.sdgs = Ranked(sdgs);
  e.countries_top = Ranked(top);
  e.years.assign(years.begin(), years.end());
  e.sources = Ranked(sources);
  return e;
}

void ExpectSameCofinancing(const Cofinancing& got, const Cofinancing& want) {
  EXPECT_EQ(got.lines, want.lines);
  EXPECT_EQ(got.total_cents, want.total_cents);
  EXPECT_EQ(got.by_mechanism, want.by_mechanism);
  EXPECT_EQ(got.by_funder_type, want.by_funder_type);
  EXPECT_EQ(got.french_own_cents, want.french_own_cents);
  EXPECT_EQ(got.french_cash_cents, want.french_cash_cents);
  EXPECT_EQ(got.french_in_kind_cents, want.french_in_kind_cents);
  EXPECT_EQ(got.french_one_percent_cents, want.french_one_percent_cents);
  EXPECT_EQ(got.state_support_cents, want.state_support_cents);
  EXPECT_EQ(got.foreign_currency_lines, want.foreign_currency_lines);
}

// The report of `o` against `e`, computed from every record.
void ExpectSameFigures(const Registry& registry, ReportOptions o,
                       const Expected& e) {
  o.format = "html";
  auto d = registry.BuildReport(o);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->partnerships, e.partnerships);
  EXPECT_EQ(d->projects, e.projects);
  EXPECT_EQ(d->french_authorities, e.french);
  EXPECT_EQ(d->countries, e.countries);
  EXPECT_EQ(d->includes_demo, e.demo);
  EXPECT_EQ(d->empty, e.partnerships == 0 && e.projects == 0);
  EXPECT_EQ(Of(d->by_theme), e.themes);
  EXPECT_EQ(Of(d->by_sdg), e.sdgs);
  EXPECT_EQ(Of(d->top_countries), e.countries_top);
  EXPECT_EQ(Of(d->projects_by_year), e.years);
  EXPECT_NE(d->freshness.find(e.freshness.substr(0, 10)), std::string::npos)
      << d->freshness;
  std::vector<std::string> refs;
  for (const auto& p : d->project_list) refs.push_back(p.ref);
  EXPECT_EQ(refs, e.first_refs);
  EXPECT_EQ(d->partnership_list.size(), e.first_partnerships);
  EXPECT_EQ(d->world_map, e.world);
  EXPECT_EQ(d->france_map, e.france);
  EXPECT_EQ(d->authorities_off_map, e.off_map);
  if (e.finance.planned.lines + e.finance.actual.lines == 0) {
    EXPECT_FALSE(d->finance.has_value());
    return;
  }
  ASSERT_TRUE(d->finance.has_value());
  EXPECT_EQ(d->finance->projects, e.finance.projects);
  EXPECT_EQ(d->finance->years, e.finance.years);
  EXPECT_EQ(d->finance->includes_demo, e.finance.includes_demo);
  ExpectSameCofinancing(d->finance->planned, e.finance.planned);
  ExpectSameCofinancing(d->finance->actual, e.finance.actual);
  EXPECT_EQ(Of(d->funding_by_source), e.sources);
}

class ReportFiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    figures_db = new ScratchDb();
    auto registry = figures_db->Open();
    TwinningImportOptions twinnings;
    twinnings.file = WikipediaFile();
    ASSERT_TRUE(registry->ImportTwinnings(twinnings).ok());
    ProjectImportOptions o;
    o.projects_file = SourceDir() + "/data/demo/projets.csv";
    o.funding_file = SourceDir() + "/data/demo/financements.csv";
    o.demo = true;
    ASSERT_TRUE(registry->ImportProjects(o).ok());
  }
  static void TearDownTestSuite() { delete figures_db; }
};

TEST_F(ReportFiguresTest, NationalFiguresEqualARecomputationFromTheRecords) {
  auto registry = Registry::Open({figures_db->path(), true});
  ASSERT_TRUE(registry.ok());
  auto db = store::Db::Open(figures_db->path(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto labels = Labels::Load(db->get());
  ASSERT_TRUE(labels.ok());
  // 2019: few projects active; 2023: many; 1950: none (partnerships only).
  for (const std::optional<int> year :
       {std::optional<int>(), std::optional<int>(2019),
        std::optional<int>(2023), std::optional<int>(1950)}) {
    SCOPED_TRACE(year ? std::to_string(*year) : "all years");
    const Expected e = Recompute(**registry, *labels, year);
    if (!year) {
      // data/demo/SOURCE.md: 200 projects; the twinnings are more than a
      // report lists.
      EXPECT_EQ(e.projects, 200);
      EXPECT_GT(e.partnerships, 1000);
      // Both maps have much to show (twinnings span most of Europe).
      EXPECT_GT(e.world.size(), 50U);
      EXPECT_GT(e.france.size(), 50U);
    }
    ReportOptions o;
    o.national = true;
    o.year = year;
    ExpectSameFigures(**registry, o, e);
  }
}

// A theme report loads the theme's projects and their partnerships only.
TEST_F(ReportFiguresTest, ThemeFiguresEqualARecomputationFromTheRecords) {
  auto registry = Registry::Open({figures_db->path(), true});
  ASSERT_TRUE(registry.ok());
  auto db = store::Db::Open(figures_db->path(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto labels = Labels::Load(db->get());
  ASSERT_TRUE(labels.ok());
  for (const std::optional<int> year :
       {std::optional<int>(), std::optional<int>(2023)}) {
    SCOPED_TRACE(year ? std::to_string(*year) : "all years");
    ReportOptions o;
    o.theme = "eau-assainissement";
    o.year = year;
    const Expected e = Recompute(**registry, *labels, year, o.theme);
    if (!year) {
      EXPECT_GT(e.projects, 0);
      EXPECT_LT(e.projects, 200);
    }
    ExpectSameFigures(**registry, o, e);
  }
}

}  // namespace
}  // namespace coopatlas::testing
