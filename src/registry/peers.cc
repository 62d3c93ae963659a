// Finding peers: who else works there, or on this? (Registry::Peers)
#include <algorithm>
#include <string>

#include "core/strings.h"
#include "registry/registry_impl.h"
#include "store/peers.h"
#include "store/records.h"

namespace coopatlas {
namespace {

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// At most `max` items in words, then how many more ("…, et 12 autres").
std::pair<std::string, std::string> Listed(const std::vector<std::string>& fr,
                                           const std::vector<std::string>& en,
                                           std::size_t max,
                                           const char* sep_fr = ", ",
                                           const char* sep_en = ", ") {
  if (fr.size() <= max) return {core::Join(fr, sep_fr), core::Join(en, sep_en)};
  const std::vector<std::string> head_fr(fr.begin(),
                                         fr.begin() + static_cast<long>(max));
  const std::vector<std::string> head_en(en.begin(),
                                         en.begin() + static_cast<long>(max));
  const std::string more = std::to_string(fr.size() - max);
  return {core::Join(head_fr, sep_fr) + " et " + more + " autres",
          core::Join(head_en, sep_en) + " and " + more + " more"};
}

}  // namespace

// Ranks the peers of authority `id` (caller holds the database lock).
Result<std::vector<Peer>> RankPeers(store::Db* db, const Labels& labels,
                                    std::int64_t id, int limit) {
  COOPATLAS_ASSIGN_OR_RETURN(auto signals, store::CollectPeerSignals(db, id));
  std::vector<Peer> peers;
  for (const auto& [other, s] : signals) {
    COOPATLAS_ASSIGN_OR_RETURN(auto a, store::FindAuthority(db, other));
    if (!a || a->country != "FR") continue;
    Peer peer;
    peer.authority = {a->meta.id,     a->kind,   a->code, a->name, a->country,
                      a->departement, a->region, "",      a->lat,  a->lng};
    std::vector<std::string> fr, en;
    if (!s.shared_partners.empty()) {
      std::vector<std::string> names(s.shared_partners.begin(),
                                     s.shared_partners.end());
      const auto [lfr, len] = Listed(names, names, 5);
      fr.push_back(
          (names.size() > 1 ? "mêmes partenaires : " : "même partenaire : ") +
          lfr);
      en.push_back((names.size() > 1 ? "same partners: " : "same partner: ") +
                   len);
      peer.score += 5.0 * static_cast<double>(names.size());
    }
    // Countries, most shared first, with the regions in them.
    std::vector<std::pair<std::string, std::int64_t>> countries(
        s.countries.begin(), s.countries.end());
    std::stable_sort(
        countries.begin(), countries.end(),
        [](const auto& x, const auto& y) { return x.second > y.second; });
    std::int64_t in_countries = 0;
    for (std::size_t i = 0; i < countries.size(); ++i) {
      const auto& [country, n] = countries[i];
      in_countries += n;
      if (i >= 2) continue;  // the two main countries in words
      const auto [name_fr, name_en] = labels.Of("country", country);
      std::string rfr =
          name_fr + " : " +
          Plural(n, "partenariat ou projet", "partenariats ou projets");
      std::string ren =
          name_en + ": " +
          Plural(n, "partnership or project", "partnerships or projects");
      // The regions shared there, most records first.
      std::vector<std::pair<std::string, std::int64_t>> regions;
      for (const auto& [key, k] : s.regions) {
        if (key.rfind(country + "|", 0) != 0) continue;
        const std::string region = key.substr(country.size() + 1);
        if (region.empty()) continue;
        regions.emplace_back(region, k);
        peer.score += 3.0 * static_cast<double>(k);
      }
      std::stable_sort(
          regions.begin(), regions.end(),
          [](const auto& x, const auto& y) { return x.second > y.second; });
      std::vector<std::string> in_fr, in_en;
      for (const auto& [region, k] : regions) {
        in_fr.push_back(std::to_string(k) + " dans la région de " + region);
        in_en.push_back(std::to_string(k) + " in the " + region + " region");
      }
      if (!in_fr.empty()) {
        const auto [lfr, len] = Listed(in_fr, in_en, 3, " et ", " and ");
        rfr += ", dont " + lfr;
        ren += ", of which " + len;
      }
      fr.push_back(rfr);
      en.push_back(ren);
    }
    peer.score += static_cast<double>(std::min<std::int64_t>(in_countries, 10));
    if (!s.themes.empty()) {
      std::vector<std::string> tfr, ten;
      for (const auto& t : s.themes) {
        const auto [lfr, len] = labels.Of("theme", t);
        tfr.push_back(lfr);
        ten.push_back(len);
      }
      const auto [lfr, len] = Listed(tfr, ten, 5);
      fr.push_back("thèmes communs : " + lfr);
      en.push_back("common themes: " + len);
      peer.score += static_cast<double>(s.themes.size());
    }
    if (s.same_departement) {
      fr.push_back("même département");
      en.push_back("same département");
      peer.score += 1.0;
    }
    if (fr.empty()) continue;
    peer.reason_fr = core::Join(fr, " ; ");
    peer.reason_en = core::Join(en, "; ");
    peers.push_back(std::move(peer));
  }
  std::stable_sort(peers.begin(), peers.end(),
                   [](const Peer& x, const Peer& y) {
                     if (x.score != y.score) return x.score > y.score;
                     return x.authority.name < y.authority.name;
                   });
  if (peers.size() > static_cast<std::size_t>(limit)) {
    peers.resize(static_cast<std::size_t>(limit));
  }
  return peers;
}

Result<std::vector<Peer>> Registry::Peers(const std::string& code,
                                          int limit) const {
  if (limit < 1 || limit > 200) {
    return Status::InvalidArgument("limit must be between 1 and 200");
  }
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  // An unknown code is an error (with a suggestion), as for the page.
  COOPATLAS_RETURN_IF_ERROR(FrenchIdentity(*resolver, code).status());
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(auto record, store::FindFrenchAuthority(db, code));
  if (!record) return std::vector<Peer>();  // takes part in nothing yet
  COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
  return RankPeers(db, *labels, record->meta.id, limit);
}

}  // namespace coopatlas
