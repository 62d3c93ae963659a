// Synthetic data for benchmarks (Registry::Synthesize): projects with the
// shape of the real field — a few big collectivities with many projects,
// Africa first, themes with their SDGs and DAC codes — flagged as
// demonstration data, written in one transaction with one audit entry.
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/registry_impl.h"
#include "store/reference_tables.h"
#include "store/search_index.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {
namespace {

// Partner countries and their weights (share of French decentralised
// cooperation, roughly: Africa first).
const std::vector<std::pair<const char*, double>>& CountryWeights() {
  static const std::vector<std::pair<const char*, double>> kWeights = {
      {"SN", 9}, {"BF", 8}, {"ML", 5}, {"MA", 6}, {"TN", 4}, {"BJ", 5},
      {"TG", 4}, {"CI", 4}, {"CM", 4}, {"MG", 5}, {"NE", 3}, {"MR", 2},
      {"DZ", 2}, {"HT", 3}, {"VN", 4}, {"KH", 2}, {"LA", 1}, {"LB", 3},
      {"PS", 2}, {"AM", 2}, {"UA", 2}, {"MD", 1}, {"RO", 2}, {"PL", 2},
      {"DE", 6}, {"IT", 3}, {"ES", 2}, {"GB", 3}, {"CA", 2}, {"BR", 2},
      {"CL", 1}, {"IN", 1}, {"CN", 2}, {"JP", 1}, {"US", 1}};
  return kWeights;
}

}  // namespace

Status SynthOptions::Validate() const {
  if (projects < 1 || projects > 5'000'000) {
    return Status::InvalidArgument("--projects must be between 1 and 5000000");
  }
  return Status::Ok();
}

Result<SynthReport> Registry::Synthesize(const SynthOptions& options,
                                         const ProgressFn& progress) {
  ++impl_->generation;  // the search facets reload on next use
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  const auto start = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(const Places* places, impl_->GetPlaces());
  COOPATLAS_ASSIGN_OR_RETURN(auto themes, store::ReadThemes(db));
  COOPATLAS_ASSIGN_OR_RETURN(reference::ReferenceData geo,
                             store::ReadReference(db, {true, false, false}));
  (void)places;
  // Candidate French authorities: communes weighted by population^0.8
  // (a few big cities hold many projects), plus départements and régions.
  struct French {
    std::string kind, code, name, departement, region;
  };
  std::vector<French> french;
  std::vector<double> french_weights;
  for (const auto& c : geo.communes) {
    if (c.type != "commune-actuelle" || !c.population || *c.population < 2000) {
      continue;
    }
    french.push_back({"commune", c.code, c.name, c.departement, c.region});
    french_weights.push_back(std::pow(static_cast<double>(*c.population), 0.8));
  }
  for (const auto& d : geo.departements) {
    if (d.zone == "com") continue;
    french.push_back({"departement", d.code, d.name, d.code, d.region});
    french_weights.push_back(3000.0);
  }
  for (const auto& r : geo.regions) {
    french.push_back({"region", r.code, r.name, "", r.code});
    french_weights.push_back(20000.0);
  }
  // Places abroad per country, from GeoNames.
  COOPATLAS_ASSIGN_OR_RETURN(reference::ReferenceData world,
                             store::ReadReference(db, {false, false, true}));
  std::map<std::string, std::vector<const reference::Place*>> by_country;
  for (const auto& p : world.places) by_country[p.country].push_back(&p);
  std::map<std::string, std::string> admin1;
  for (const auto& a : world.admin_areas) {
    if (a.level == 1) admin1[a.code] = a.name;
  }
  std::vector<std::string> countries;
  std::vector<double> country_weights;
  for (const auto& [c, w] : CountryWeights()) {
    if (by_country.count(c) == 0) continue;
    countries.push_back(c);
    country_weights.push_back(w);
  }

  std::mt19937_64 rng(options.seed);
  std::discrete_distribution<std::size_t> pick_french(french_weights.begin(),
                                                      french_weights.end());
  std::discrete_distribution<std::size_t> pick_country(country_weights.begin(),
                                                       country_weights.end());
  std::uniform_int_distribution<int> pick_year(2008, 2026);
  std::uniform_int_distribution<std::size_t> pick_theme(0, themes.size() - 1);
  std::lognormal_distribution<double> budget(11.2, 0.9);  // ~73 k€ median

  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer,
      store::Writer::Begin(db, {options.actor, std::nullopt, /*bulk=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t run,
                             writer->StartRun("synth", "synth"));
  const std::string now = "2026-01-01T00:00:00.000Z";
  auto prepare = [&](const char* sql) { return db->Prepare(sql); };
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_authority,
      prepare("INSERT INTO authority(kind, country, code, name, folded_name, "
              "admin1_code, admin1_name, departement, region, lat, lng, demo, "
              "source, run_id, created_at, updated_at) VALUES "
              "(?,?,?,?,?,?,?,?,?,?,?,1,'synth',?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_partnership,
      prepare("INSERT INTO partnership(key, kind, status, signed_on, demo, "
              "source, run_id, created_at, updated_at) VALUES "
              "(?,?,'active',?,1,'synth',?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_party,
      prepare("INSERT INTO partnership_party VALUES (?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_project,
      prepare("INSERT INTO project(ref, partnership_id, title_fr, "
              "description_fr, started_on, ended_on, status, demo, source, "
              "run_id, created_at, updated_at) VALUES "
              "(?,?,?,?,?,?,?,1,'synth',?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(store::Statement insert_theme,
                             prepare("INSERT INTO project_theme VALUES (?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_sdg,
      prepare("INSERT OR IGNORE INTO project_sdg(project_id, code, origin, "
              "status) VALUES (?,?,'person','accepted')"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_location,
      prepare("INSERT INTO project_location VALUES (?,1,?,?,?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_participant,
      prepare("INSERT INTO project_participant VALUES (?,?,?,NULL,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement insert_funding,
      prepare("INSERT INTO funding_line(key, project_id, funder_authority_id, "
              "mechanism, year, nature, amount_cents, demo, source, run_id, "
              "created_at, updated_at) VALUES (?,?,?,?,?,'planned',?,1,'synth',"
              "?,?,?)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement find_authority,
      prepare("SELECT id FROM authority WHERE country = ? AND kind = ? AND "
              "coalesce(code, '') = ? AND folded_name = ?"));

  std::map<std::string, std::int64_t> authority_ids;
  auto authority = [&](const std::string& key_kind, const std::string& country,
                       const std::string& code, const std::string& name,
                       const std::string& a1code, const std::string& a1name,
                       const std::string& dept, const std::string& region,
                       std::optional<double> lat,
                       std::optional<double> lng) -> Result<std::int64_t> {
    const std::string folded = text::Fold(name);
    const std::string key =
        country + "|" + key_kind + "|" + code + "|" + folded;
    const auto it = authority_ids.find(key);
    if (it != authority_ids.end()) return it->second;
    find_authority.Bind(1, country)
        .Bind(2, key_kind)
        .Bind(3, code)
        .Bind(4, folded);
    COOPATLAS_ASSIGN_OR_RETURN(bool exists, find_authority.Step());
    std::int64_t id = exists ? find_authority.ColumnInt(0) : 0;
    find_authority.Reset();
    if (!exists) {
      auto& s = insert_authority;
      s.Bind(1, key_kind)
          .Bind(2, country)
          .BindTextOrNull(3, code)
          .Bind(4, name);
      s.Bind(5, folded).BindTextOrNull(6, a1code).BindTextOrNull(7, a1name);
      s.BindTextOrNull(8, dept).BindTextOrNull(9, region);
      if (lat)
        s.Bind(10, *lat);
      else
        s.BindNull(10);
      if (lng)
        s.Bind(11, *lng);
      else
        s.BindNull(11);
      s.Bind(12, run).Bind(13, now).Bind(14, now);
      COOPATLAS_RETURN_IF_ERROR(s.Run());
      id = db->LastInsertRowId();
    }
    return authority_ids[key] = id;
  };

  SynthReport report;
  std::map<std::string, std::int64_t> partnership_ids;
  // A partnership of a French authority, with its partner.
  struct Pair {
    std::int64_t partnership = 0, partner = 0;
    std::string country;
    const reference::Place* place = nullptr;
    std::string a1name;
  };
  std::map<std::int64_t, std::vector<Pair>> pairs_of;
  for (std::int64_t n = 1; n <= options.projects; ++n) {
    if (progress && n % 10000 == 0) {
      progress("projects", static_cast<std::size_t>(n),
               static_cast<std::size_t>(options.projects));
    }
    const French& f = french[pick_french(rng)];
    COOPATLAS_ASSIGN_OR_RETURN(
        std::int64_t fr_id,
        authority(f.kind, "FR", f.code, f.name, "", "", f.departement, f.region,
                  std::nullopt, std::nullopt));
    // Most projects continue an existing partnership of the authority.
    auto& mine = pairs_of[fr_id];
    const int year = pick_year(rng);
    Pair pair{};
    if (!mine.empty() &&
        std::uniform_real_distribution<double>(0, 1)(rng) < 0.7) {
      pair = mine[rng() % mine.size()];
    } else {
      pair.country = countries[pick_country(rng)];
      const auto& list = by_country[pair.country];
      // Partners: mostly the larger places (first of GeoNames' list), a
      // long tail of others.
      std::geometric_distribution<std::size_t> rank(0.08);
      pair.place = list[std::min(rank(rng), list.size() - 1)];
      const std::string a1code = pair.place->admin1.empty()
                                     ? ""
                                     : pair.country + "." + pair.place->admin1;
      pair.a1name = admin1.count(a1code) ? admin1[a1code] : "";
      COOPATLAS_ASSIGN_OR_RETURN(
          pair.partner,
          authority("foreign", pair.country, "", pair.place->name, a1code,
                    pair.a1name, "", "", pair.place->lat, pair.place->lng));
      const std::string pkey = "convention|" + f.kind + ":" + f.code + "|" +
                               pair.country + ":" +
                               text::Fold(pair.place->name);
      if (const auto it = partnership_ids.find(pkey);
          it != partnership_ids.end()) {
        pair.partnership = it->second;
      } else {
        insert_partnership.Bind(1, pkey).Bind(2, "convention");
        insert_partnership.Bind(3, std::to_string(year) + "-01-15");
        insert_partnership.Bind(4, run).Bind(5, now).Bind(6, now);
        COOPATLAS_RETURN_IF_ERROR(insert_partnership.Run());
        pair.partnership = partnership_ids[pkey] = db->LastInsertRowId();
        for (const auto& [id, side] :
             {std::pair{fr_id, "fr"}, std::pair{pair.partner, "partner"}}) {
          insert_party.Bind(1, pair.partnership).Bind(2, id).Bind(3, side);
          COOPATLAS_RETURN_IF_ERROR(insert_party.Run());
        }
        ++report.partnerships;
        mine.push_back(pair);
      }
    }
    const std::string& country = pair.country;
    const reference::Place* place = pair.place;
    const std::int64_t partner_id = pair.partner;
    const std::int64_t partnership_id = pair.partnership;
    const auto& theme = themes[pick_theme(rng)];
    const std::string title = theme.label_fr + " à " + place->name;
    std::ostringstream description;
    description << f.name << " et " << place->name << " (" << country
                << ") conduisent un projet « " << theme.label_fr
                << " » : " << theme.description_fr;
    const std::string status = year + 3 < 2026 ? "completed" : "ongoing";
    insert_project.Bind(1, "SYN-" + std::to_string(n)).Bind(2, partnership_id);
    insert_project.Bind(3, title).Bind(4, description.str());
    insert_project.Bind(5, std::to_string(year) + "-03-01");
    insert_project.Bind(6, std::to_string(year + 2) + "-12-31");
    insert_project.Bind(7, status).Bind(8, run).Bind(9, now).Bind(10, now);
    COOPATLAS_RETURN_IF_ERROR(insert_project.Run());
    const std::int64_t project_id = db->LastInsertRowId();
    insert_theme.Bind(1, project_id).Bind(2, theme.code);
    COOPATLAS_RETURN_IF_ERROR(insert_theme.Run());
    std::istringstream goals(theme.sdg_goals);
    for (std::string g; goals >> g;) {
      insert_sdg.Bind(1, project_id).Bind(2, g);
      COOPATLAS_RETURN_IF_ERROR(insert_sdg.Run());
    }
    insert_location.Bind(1, project_id).Bind(2, country).Bind(3, partner_id);
    insert_location.Bind(4, place->name)
        .Bind(5, place->lat)
        .Bind(6, place->lng);
    COOPATLAS_RETURN_IF_ERROR(insert_location.Run());
    int seq = 0;
    for (const auto& [id, role, iati] :
         {std::tuple{fr_id, "lead", 2}, std::tuple{partner_id, "partner", 4}}) {
      insert_participant.Bind(1, project_id).Bind(2, ++seq).Bind(3, id);
      insert_participant.Bind(4, role).Bind(5, iati);
      COOPATLAS_RETURN_IF_ERROR(insert_participant.Run());
    }
    // Funding: own funds, the ministry's call, the partner.
    const auto total = static_cast<std::int64_t>(budget(rng) * 100);
    const std::int64_t shares[3] = {
        total * 45 / 100, total * 40 / 100,
        total - total * 45 / 100 - total * 40 / 100};
    const char* mechanisms[3] = {"budget-general", "appel-etat", "autre"};
    const std::int64_t funders[3] = {fr_id, fr_id, partner_id};
    for (int i = 0; i < 3; ++i) {
      insert_funding.Bind(
          1, "SYN-" + std::to_string(n) + "#" + std::to_string(i + 1));
      insert_funding.Bind(2, project_id)
          .Bind(3, funders[i])
          .Bind(4, mechanisms[i]);
      insert_funding.Bind(5, year).Bind(6, shares[i]).Bind(7, run);
      insert_funding.Bind(8, now).Bind(9, now);
      COOPATLAS_RETURN_IF_ERROR(insert_funding.Run());
    }
    ++report.projects;
  }
  report.authorities = static_cast<std::int64_t>(authority_ids.size());
  if (progress) progress("search index", 0, 0);
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t documents,
                             store::RebuildSearchIndex(writer.get()));
  report.documents = documents;
  COOPATLAS_RETURN_IF_ERROR(writer->AuditReplace(
      "synth", nlohmann::json({{"projects", report.projects},
                               {"partnerships", report.partnerships},
                               {"seed", options.seed}})
                   .dump()));
  COOPATLAS_RETURN_IF_ERROR(writer->FinishRun(run, "{}"));
  COOPATLAS_RETURN_IF_ERROR(writer->Commit());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return report;
}

}  // namespace coopatlas
