#include "resolve/resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "resolve/name_key.h"
#include "text/fold.h"

namespace coopatlas::resolve {

// An authority or a country the index points to.
struct Resolver::Entity {
  std::string kind, code, name, departement, region;
  std::optional<std::int64_t> population;
  std::vector<std::string> departements;  // all of them, for an EPCI
  std::vector<std::string> postcodes;
};

// A name variant pointing at an entity. Lower tier = better match.
struct Resolver::Posting {
  std::uint32_t entity;
  std::uint8_t tier;  // 1 official name or code, 2 variant, 3 former name
  std::string why;
};

struct Resolver::Index {
  std::vector<Entity> entities;
  std::unordered_map<std::string, std::vector<Posting>> french;
  std::vector<Entity> countries;
  std::unordered_map<std::string, std::vector<Posting>> country_names;
  // Département code -> entity, for hints and qualifiers.
  std::unordered_map<std::string, std::uint32_t> departement_entity;
};

namespace {

double TierScore(int tier) {
  switch (tier) {
    case 1:
      return 1.0;
    case 2:
      return 0.9;
    default:
      return 0.8;
  }
}

std::string EpciKind(const std::string& type) {
  if (type == "CC") return "epci-cc";
  if (type == "CA") return "epci-ca";
  if (type == "CU") return "epci-cu";
  if (type == "METRO" || type == "MET69") return "metropole";
  if (type == "EPT") return "ept";
  return "epci";
}

// Variants of an EPCI name: abbreviated and written-out legal forms, and the
// bare name without the form ("CA du Pays Basque" -> "pays basque").
struct EpciVariant {
  std::string key;
  int tier;
  std::string why;
};
std::vector<EpciVariant> EpciVariants(const std::string& key) {
  static const std::vector<std::pair<std::string, std::string>> kForms = {
      {"cc ", "communaute de communes "},
      {"ca ", "communaute d agglomeration "},
      {"cu ", "communaute urbaine "},
      {"metropole ", "metropole "},
      {"eurometropole ", "eurometropole "},
  };
  static const std::vector<std::string> kConnectors = {
      "de la ", "de l ", "des ", "du ", "de ", "d "};
  std::vector<EpciVariant> out;
  for (const auto& [abbrev, full] : kForms) {
    for (const std::string* form : {&abbrev, &full}) {
      if (key.rfind(*form, 0) != 0) continue;
      const std::string rest = key.substr(form->size());
      if (rest.empty()) continue;
      const std::string& other = form == &abbrev ? full : abbrev;
      out.push_back(
          {other + rest, 1,
           "nom officiel (forme juridique " +
               std::string(form == &abbrev ? "développée" : "abrégée") + ")"});
      std::string bare = rest;
      for (const std::string& c : kConnectors) {
        if (bare.rfind(c, 0) == 0 && bare.size() > c.size()) {
          bare = bare.substr(c.size());
          break;
        }
      }
      out.push_back({bare, 2, "nom sans la forme juridique"});
      out.push_back({abbrev + bare, 2, "forme juridique abrégée"});
      out.push_back({full + bare, 2, "forme juridique développée"});
    }
  }
  return out;
}

std::string DepartementOfPostcode(const std::string& postcode) {
  if (postcode.size() != 5) return {};
  if (postcode.rfind("97", 0) == 0 || postcode.rfind("98", 0) == 0) {
    return postcode.substr(0, 3);
  }
  if (postcode.rfind("20", 0) == 0) {
    return postcode[2] < '2' ? "2A" : "2B";
  }
  return postcode.substr(0, 2);
}

bool KindMatches(const std::string& hint, const std::string& kind) {
  if (hint.empty() || hint == kind) return true;
  if (hint == "epci") {
    return kind.rfind("epci", 0) == 0 || kind == "metropole" || kind == "ept";
  }
  if (hint == "departement") return kind == "collectivite-outre-mer";
  if (hint == "commune") return kind == "arrondissement-municipal";
  return false;
}

}  // namespace

const std::vector<std::string>& Resolver::Kinds() {
  static const std::vector<std::string> kKinds = {"commune",
                                                  "arrondissement-municipal",
                                                  "epci",
                                                  "epci-cc",
                                                  "epci-ca",
                                                  "epci-cu",
                                                  "metropole",
                                                  "ept",
                                                  "departement",
                                                  "region",
                                                  "collectivite-outre-mer"};
  return kKinds;
}

void Resolver::Add(const std::string& key, std::uint32_t entity, int tier,
                   std::string why) {
  if (key.empty()) return;
  auto& postings = index_->french[key];
  for (auto& p : postings) {
    if (p.entity == entity) {
      if (tier < p.tier) {
        p.tier = static_cast<std::uint8_t>(tier);
        p.why = std::move(why);
      }
      return;
    }
  }
  postings.push_back({entity, static_cast<std::uint8_t>(tier), std::move(why)});
}

Resolver::~Resolver() = default;

Resolver::Resolver(const reference::ReferenceData& data)
    : index_(std::make_unique<Index>()) {
  auto& entities = index_->entities;
  auto key_of = [](const std::string& name) {
    return NameKey(text::Fold(name));
  };
  // Official name, its article-less form, and the codes.
  auto add_names = [&](std::uint32_t id, const std::string& name) {
    const std::string key = key_of(name);
    Add(key, id, 1, "nom officiel");
    Add(WithoutArticle(key), id, 2, "nom officiel sans l'article");
    // "Château-Chinon (Ville)" is also found as "Château-Chinon".
    const std::size_t paren = name.find('(');
    if (paren != std::string::npos && paren > 0) {
      const std::string bare = key_of(name.substr(0, paren));
      Add(bare, id, 2, "nom officiel sans la précision entre parenthèses");
      Add(WithoutArticle(bare), id, 2,
          "nom officiel sans la précision entre parenthèses");
    }
  };

  std::map<std::string, std::int64_t> dept_population, region_population;
  std::unordered_map<std::string, std::uint32_t> commune_entity;
  std::unordered_map<std::string, const reference::Commune*> commune_by_code;
  for (const auto& c : data.communes) {
    if (c.type != "commune-actuelle" && c.type != "arrondissement-municipal") {
      continue;
    }
    const auto id = static_cast<std::uint32_t>(entities.size());
    entities.push_back(
        {c.type == "commune-actuelle" ? "commune" : "arrondissement-municipal",
         c.code,
         c.name,
         c.departement,
         c.region,
         c.population,
         {c.departement},
         c.postcodes});
    add_names(id, c.name);
    Add(c.code, id, 1, "code INSEE");
    if (!c.siren.empty()) Add(c.siren, id, 1, "SIREN");
    if (c.type == "commune-actuelle") {
      commune_entity[c.code] = id;
      commune_by_code[c.code] = &c;
      if (c.population) {
        dept_population[c.departement] += *c.population;
        region_population[c.region] += *c.population;
      }
    }
  }
  // Communes déléguées and associées answer their commune.
  for (const auto& c : data.communes) {
    if (c.type != "commune-deleguee" && c.type != "commune-associee") continue;
    const auto it = commune_entity.find(c.parent);
    if (it == commune_entity.end()) continue;
    const Entity& parent = entities[it->second];
    if (key_of(c.name) == key_of(parent.name)) continue;
    const std::string what =
        c.type == "commune-deleguee" ? "commune déléguée" : "commune associée";
    const std::string why =
        what + " « " + c.name + " » (" + c.code + ") de " + parent.name;
    const std::string key = key_of(c.name);
    Add(key, it->second, 2, why);
    Add(WithoutArticle(key), it->second, 2, why);
  }
  // Former names (COG history) answer today's commune.
  for (const auto& f : data.former_names) {
    const auto it = commune_entity.find(f.current_code);
    if (it == commune_entity.end()) continue;
    const Entity& current = entities[it->second];
    const std::string key = key_of(f.name);
    if (key == key_of(current.name)) continue;
    std::string why = "ancien nom « " + f.name + " »";
    if (!f.until.empty()) why += " (jusqu'au " + f.until + ")";
    why += ", aujourd'hui " + current.name;
    Add(key, it->second, 3, why);
    Add(WithoutArticle(key), it->second, 3, why);
  }
  // Départements and overseas collectivities.
  for (const auto& d : data.departements) {
    const auto id = static_cast<std::uint32_t>(entities.size());
    std::optional<std::int64_t> population;
    if (dept_population.count(d.code) != 0)
      population = dept_population[d.code];
    entities.push_back(
        {d.zone == "com" ? "collectivite-outre-mer" : "departement",
         d.code,
         d.name,
         d.code,
         d.region,
         population,
         {d.code},
         {}});
    add_names(id, d.name);
    Add(key_of(d.code), id, 1, "code de département");
    index_->departement_entity[d.code] = id;
  }
  for (const auto& r : data.regions) {
    const auto id = static_cast<std::uint32_t>(entities.size());
    std::optional<std::int64_t> population;
    if (region_population.count(r.code) != 0) {
      population = region_population[r.code];
    }
    entities.push_back(
        {"region", r.code, r.name, "", r.code, population, {}, {}});
    add_names(id, r.name);
    Add(key_of(r.code), id, 1, "code de région");
  }
  // Départements of each région, for qualifiers such as "(Bretagne)".
  std::unordered_map<std::string, std::string> region_of_departement;
  for (const auto& d : data.departements)
    region_of_departement[d.code] = d.region;
  for (auto& e : entities) {
    if (e.kind != "region") continue;
    for (const auto& d : data.departements) {
      if (d.region == e.code) e.departements.push_back(d.code);
    }
  }
  // EPCI and EPT.
  std::unordered_map<std::string, std::uint32_t> epci_entity;
  for (const auto& e : data.epcis) {
    const auto id = static_cast<std::uint32_t>(entities.size());
    std::map<std::string, int> depts;
    for (const auto& m : e.members) {
      const auto c = commune_by_code.find(m);
      if (c != commune_by_code.end()) ++depts[c->second->departement];
    }
    std::vector<std::string> dept_list;
    std::string main_dept;
    int best = 0;
    for (const auto& [code, n] : depts) {
      dept_list.push_back(code);
      if (n > best) {
        best = n;
        main_dept = code;
      }
    }
    const std::string region =
        main_dept.empty() ? "" : region_of_departement[main_dept];
    entities.push_back({EpciKind(e.type),
                        e.siren,
                        e.name,
                        main_dept,
                        region,
                        e.population,
                        dept_list,
                        {}});
    epci_entity[e.siren] = id;
    const std::string key = key_of(e.name);
    add_names(id, e.name);
    Add(e.siren, id, 1, "SIREN");
    for (auto& v : EpciVariants(key)) Add(v.key, id, v.tier, v.why);
  }
  // Reviewed aliases (English exonyms, ...).
  for (const auto& a : data.name_aliases) {
    std::optional<std::uint32_t> id;
    if (a.kind == "commune") {
      const auto it = commune_entity.find(a.code);
      if (it != commune_entity.end()) id = it->second;
    } else if (a.kind == "epci") {
      const auto it = epci_entity.find(a.code);
      if (it != epci_entity.end()) id = it->second;
    } else {
      for (std::uint32_t i = 0; i < entities.size(); ++i) {
        if (entities[i].kind == a.kind && entities[i].code == a.code) id = i;
      }
    }
    if (id) {
      Add(key_of(a.name), *id, 2,
          "autre nom « " + a.name + " »" +
              (a.note.empty() ? "" : " (" + a.note + ")"));
    }
  }

  // Countries.
  std::unordered_map<std::string, std::uint32_t> country_entity;
  std::unordered_map<std::string, std::string> m49_name;
  for (const auto& a : data.m49) m49_name[a.code] = a.name;
  for (const auto& c : data.countries) {
    const auto id = static_cast<std::uint32_t>(index_->countries.size());
    index_->countries.push_back({"country",
                                 c.alpha2,
                                 c.name_fr,
                                 "",
                                 c.m49_region,
                                 std::nullopt,
                                 {},
                                 {}});
    country_entity[c.alpha2] = id;
    auto add = [&](const std::string& key, int tier, const std::string& why) {
      if (key.empty()) return;
      auto& postings = index_->country_names[key];
      for (auto& p : postings) {
        if (p.entity == id) return;
      }
      postings.push_back({id, static_cast<std::uint8_t>(tier), why});
    };
    add(text::Fold(c.alpha2), 1, "code ISO 3166 alpha-2");
    add(text::Fold(c.alpha3), 1, "code ISO 3166 alpha-3");
    add(c.numeric, 1, "code ISO 3166 numérique");
    add(key_of(c.name_fr), 1, "nom français");
    add(key_of(c.name_en), 1, "nom anglais");
  }
  for (const auto& n : data.country_names) {
    const auto it = country_entity.find(n.alpha2);
    if (it == country_entity.end()) continue;
    const std::string key = key_of(n.name);
    auto& postings = index_->country_names[key];
    bool seen = false;
    for (const auto& p : postings) seen = seen || p.entity == it->second;
    if (!seen) {
      // Reviewed names (display names, aliases) outrank the package's
      // alternative names: "Congo" is an alternative name of both CG and CD
      // in i18n-iso-countries, and the reviewed alias settles it on CG.
      const int tier = n.source.rfind("i18n-iso-countries", 0) == 0 ? 2 : 1;
      postings.push_back({it->second, static_cast<std::uint8_t>(tier),
                          "« " + n.name + " » (" + n.source + ")"});
    }
  }
}

std::string Resolver::DepartementCode(const std::string& text) const {
  if (index_->departement_entity.count(text) != 0) return text;
  const std::string key = NameKey(text::Fold(text));
  for (const std::string& k : {key, WithoutArticle(key)}) {
    const auto it = index_->french.find(k);
    if (it == index_->french.end()) continue;
    for (const auto& p : it->second) {
      const Entity& e = index_->entities[p.entity];
      if (p.tier <= 2 &&
          (e.kind == "departement" || e.kind == "collectivite-outre-mer")) {
        return e.code;
      }
    }
  }
  return {};
}

// Entities (départements, régions) a place qualifier designates; empty if
// it names none.
std::vector<std::uint32_t> Resolver::PlaceFilter(
    const std::string& qualifier) const {
  std::vector<std::uint32_t> out;
  const std::string key = NameKey(qualifier);
  for (const std::string& k : {key, WithoutArticle(key)}) {
    const auto it = index_->french.find(k);
    if (it == index_->french.end()) continue;
    for (const auto& p : it->second) {
      const Entity& e = index_->entities[p.entity];
      if (p.tier <= 2 && (e.kind == "departement" || e.kind == "region" ||
                          e.kind == "collectivite-outre-mer")) {
        out.push_back(p.entity);
      }
    }
  }
  return out;
}

ResolveResult Resolver::Resolve(std::string_view text,
                                const ResolveHints& hints) const {
  ResolveResult result;
  result.query = std::string(text);
  // The whole text first ("Château-Chinon (Ville)", "Région d'Audruicq" as
  // in "CC de la Région d'Audruicq"); only if it names nothing are
  // qualifiers and kind words taken apart.
  ParsedQuery query;
  query.key = NameKey(text::Fold(text));
  if (index_->french.count(query.key) == 0) query = ParseQuery(text);
  if (query.key.empty()) return result;

  // Candidates, each entity once at its best tier.
  std::map<std::uint32_t, const Posting*> best;
  auto collect = [&](const std::string& key, int min_tier) {
    const auto it = index_->french.find(key);
    if (it == index_->french.end()) return;
    for (const auto& p : it->second) {
      const auto found = best.find(p.entity);
      const int tier = std::max<int>(p.tier, min_tier);
      if (found == best.end() || tier < found->second->tier) {
        best[p.entity] = &p;
      }
    }
  };
  collect(query.key, 1);
  const std::string bare = WithoutArticle(query.key);
  std::set<std::uint32_t> from_bare;
  if (!bare.empty()) {
    const auto before = best;
    collect(bare, 2);
    for (const auto& [id, p] : best) {
      if (before.count(id) == 0) from_bare.insert(id);
    }
  }

  // Filters: hints, the kind the text implied, place qualifiers.
  std::string kind_hint = hints.kind;
  const std::string implied = query.implied_kind;
  std::set<std::string> allowed_departements;
  bool filter_departements = false;
  std::vector<std::string> notes = query.notes;
  if (!hints.departement.empty()) {
    filter_departements = true;
    const std::string code = DepartementCode(hints.departement);
    if (!code.empty()) allowed_departements.insert(code);
  }
  std::string postcode_dept;
  if (!hints.postcode.empty())
    postcode_dept = DepartementOfPostcode(hints.postcode);
  for (const std::string& q : query.qualifiers) {
    const auto places = PlaceFilter(q);
    if (places.empty()) {
      notes.push_back("précision « " + q + " » non reconnue, ignorée");
      continue;
    }
    filter_departements = true;
    for (const auto id : places) {
      for (const auto& d : index_->entities[id].departements) {
        allowed_departements.insert(d);
      }
    }
    notes.push_back("précision « " + q + " » appliquée");
  }

  struct Scored {
    std::uint32_t id;
    int tier;
    std::string why;
  };
  std::vector<Scored> kept;
  for (const auto& [id, posting] : best) {
    const Entity& e = index_->entities[id];
    if (!KindMatches(kind_hint, e.kind)) continue;
    if (!implied.empty() && !KindMatches(implied, e.kind)) continue;
    if (filter_departements) {
      bool any = false;
      for (const auto& d : e.departements)
        any = any || allowed_departements.count(d) != 0;
      if (e.kind == "region") {
        // A région fits a qualifier naming itself or one of its départements.
        for (const auto& d : e.departements)
          any = any || allowed_departements.count(d) != 0;
      }
      if (!any) continue;
    }
    if (!hints.postcode.empty()) {
      if (e.kind == "commune" || e.kind == "arrondissement-municipal") {
        if (std::find(e.postcodes.begin(), e.postcodes.end(), hints.postcode) ==
            e.postcodes.end()) {
          continue;
        }
      } else if (std::find(e.departements.begin(), e.departements.end(),
                           postcode_dept) == e.departements.end()) {
        continue;
      }
    }
    const int tier =
        std::max<int>(posting->tier, from_bare.count(id) != 0 ? 2 : 1);
    std::string why = posting->why;
    if (from_bare.count(id) != 0) why += " (sans l'article de la requête)";
    kept.push_back({id, tier, why});
  }
  std::string note_text;
  for (const auto& n : notes) note_text += " ; " + n;

  std::sort(kept.begin(), kept.end(), [&](const Scored& a, const Scored& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    const Entity& ea = index_->entities[a.id];
    const Entity& eb = index_->entities[b.id];
    const std::int64_t pa = ea.population.value_or(-1);
    const std::int64_t pb = eb.population.value_or(-1);
    if (pa != pb) return pa > pb;
    // Same population (Paris the commune and Paris the département): the
    // commune first, as the more common meaning.
    const bool ca = ea.kind == "commune", cb = eb.kind == "commune";
    if (ca != cb) return ca;
    return ea.code < eb.code;
  });
  for (const auto& s : kept) {
    const Entity& e = index_->entities[s.id];
    result.candidates.push_back({e.code, e.name, e.kind, e.departement,
                                 e.region, e.population, TierScore(s.tier),
                                 s.why + note_text});
  }
  if (kept.empty()) {
    result.status = Resolution::kNotFound;
  } else if (kept.size() == 1 || kept[1].tier > kept[0].tier) {
    result.status = Resolution::kUnique;
  } else {
    result.status = Resolution::kAmbiguous;
  }
  return result;
}

ResolveResult Resolver::ResolveCountry(std::string_view text) const {
  ResolveResult result;
  result.query = std::string(text);
  const std::string full = NameKey(text::Fold(text));
  std::map<std::uint32_t, std::pair<int, std::string>> best;
  auto collect = [&](const std::string& key, int min_tier,
                     const std::string& note) {
    if (key.empty()) return;
    const auto it = index_->country_names.find(key);
    if (it == index_->country_names.end()) return;
    for (const auto& p : it->second) {
      const int tier = std::max<int>(p.tier, min_tier);
      const auto found = best.find(p.entity);
      if (found == best.end() || tier < found->second.first) {
        best[p.entity] = {tier, p.why + note};
      }
    }
  };
  collect(full, 1, "");
  if (best.empty()) {
    const ParsedQuery parsed = ParseQuery(text);
    collect(parsed.key, 2, " (sans la précision entre parenthèses)");
    collect(WithoutArticle(parsed.key), 2, " (sans l'article)");
  }
  std::vector<std::pair<std::uint32_t, std::pair<int, std::string>>> kept(
      best.begin(), best.end());
  std::sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
    if (a.second.first != b.second.first)
      return a.second.first < b.second.first;
    return index_->countries[a.first].code < index_->countries[b.first].code;
  });
  for (const auto& [id, tw] : kept) {
    const Entity& e = index_->countries[id];
    result.candidates.push_back({e.code, e.name, "country", "", e.region,
                                 std::nullopt, TierScore(tw.first), tw.second});
  }
  if (kept.empty()) {
    result.status = Resolution::kNotFound;
  } else if (kept.size() == 1 || kept[1].second.first > kept[0].second.first) {
    result.status = Resolution::kUnique;
  } else {
    result.status = Resolution::kAmbiguous;
  }
  return result;
}

}  // namespace coopatlas::resolve
