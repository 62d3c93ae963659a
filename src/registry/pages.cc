// The pages of the atlas: a country, a partnership, a project, a foreign
// authority (Registry methods).
#include <algorithm>
#include <map>
#include <string>

#include "registry/registry_impl.h"
#include "store/records.h"

namespace coopatlas {

Result<CountryPage> Registry::ShowCountry(const std::string& alpha2) const {
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  const ResolveResult r = resolver->ResolveCountry(alpha2);
  if (alpha2.size() != 2 || r.status != Resolution::kUnique ||
      r.candidates[0].code != alpha2) {
    return Status::NotFound("no country with ISO code '" + alpha2 + "'");
  }
  CountryPage page;
  page.alpha2 = alpha2;
  page.name_fr = r.candidates[0].name;
  page.world_region = r.candidates[0].region;
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
  page.name_en = labels->Of("country", alpha2).second;
  store::PartnershipFilter pf;
  pf.country = alpha2;
  pf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships,
                             store::ListPartnerships(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships_total,
                             store::CountPartnerships(db, pf));
  store::ProjectFilter prf;
  prf.country = alpha2;
  prf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, prf));
  COOPATLAS_ASSIGN_OR_RETURN(page.projects_total,
                             store::CountProjects(db, prf));
  COOPATLAS_ASSIGN_OR_RETURN(store::CountryActivity activity,
                             store::CountryActivityOf(db, alpha2));
  auto sorted = [](std::vector<store::CountryParty>& parties) {
    std::vector<CountryPage::Party> v;
    v.reserve(parties.size());
    for (auto& p : parties) {
      v.push_back({std::move(p.authority), p.partnerships, p.projects});
    }
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.partnerships + a.projects > b.partnerships + b.projects;
    });
    return v;
  };
  page.partner_authorities = sorted(activity.partners);
  page.french_authorities = sorted(activity.french);
  for (const auto& [code, n] : activity.themes) {
    auto [fr, en] = labels->Of("theme", code);
    page.themes.push_back({code, fr, en, "", n});
  }
  std::stable_sort(
      page.themes.begin(), page.themes.end(),
      [](const auto& a, const auto& b) { return a.count > b.count; });
  return page;
}

Result<PartnershipPage> Registry::ShowPartnership(std::int64_t id) const {
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  store::PartnershipFilter f;
  f.id = id;
  COOPATLAS_ASSIGN_OR_RETURN(auto list, store::ListPartnerships(db, f));
  if (list.empty()) {
    return Status::NotFound("no partnership " + std::to_string(id));
  }
  PartnershipPage page;
  page.partnership = std::move(list[0]);
  store::ProjectFilter pf;
  pf.partnership_id = id;
  pf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(page.projects_total, store::CountProjects(db, pf));
  return page;
}

Result<Project> Registry::ShowProject(std::int64_t id) const {
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::ProjectFilter f;
  f.id = id;
  COOPATLAS_ASSIGN_OR_RETURN(auto list,
                             store::ListProjects(impl_->db.get(), f));
  if (list.empty()) return Status::NotFound("no project " + std::to_string(id));
  return std::move(list[0]);
}

Result<ForeignAuthorityPage> Registry::ShowForeignAuthority(
    std::int64_t id) const {
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(auto a, store::FindAuthority(db, id));
  if (!a || a->country == "FR") {
    return Status::NotFound("no foreign authority " + std::to_string(id));
  }
  ForeignAuthorityPage page;
  page.authority = std::move(*a);
  store::PartnershipFilter f;
  f.authority_id = id;
  f.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships, store::ListPartnerships(db, f));
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships_total,
                             store::CountPartnerships(db, f));
  store::ProjectFilter pf;
  pf.participant_id = id;
  pf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(page.projects_total, store::CountProjects(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
  COOPATLAS_ASSIGN_OR_RETURN(page.peers, RankPeers(db, *labels, id, 20));
  return page;
}

}  // namespace coopatlas
