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
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships,
                             store::ListPartnerships(db, pf));
  store::ProjectFilter prf;
  prf.country = alpha2;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, prf));
  std::map<std::int64_t, CountryPage::Party> partners, french;
  for (const auto& p : page.partnerships) {
    for (const auto& a : p.partners) {
      if (a.country != alpha2) continue;
      auto& party = partners[a.id];
      party.authority = a;
      ++party.partnerships;
    }
    for (const auto& a : p.french) {
      auto& party = french[a.id];
      party.authority = a;
      ++party.partnerships;
    }
  }
  std::map<std::string, std::int64_t> themes;
  for (const auto& p : page.projects) {
    for (const auto& part : p.participants) {
      if (!part.authority) continue;
      auto& party = part.authority->country == "FR"
                        ? french[part.authority->id]
                        : partners[part.authority->id];
      party.authority = *part.authority;
      ++party.projects;
    }
    for (const auto& t : p.themes) ++themes[t];
  }
  auto sorted = [](std::map<std::int64_t, CountryPage::Party>& m) {
    std::vector<CountryPage::Party> v;
    v.reserve(m.size());
    for (auto& [id, party] : m) v.push_back(std::move(party));
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.partnerships + a.projects > b.partnerships + b.projects;
    });
    return v;
  };
  page.partner_authorities = sorted(partners);
  page.french_authorities = sorted(french);
  for (const auto& [code, n] : themes) {
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
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, pf));
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
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships, store::ListPartnerships(db, f));
  store::ProjectFilter pf;
  pf.participant_id = id;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
  COOPATLAS_ASSIGN_OR_RETURN(page.peers, RankPeers(db, *labels, id, 20));
  return page;
}

}  // namespace coopatlas
