#include "ingest/projects.h"

#include <cmath>
#include <map>
#include <string>

#include "ingest/values.h"
#include "text/fold.h"

namespace coopatlas::ingest {
namespace {

// Column indexes in ProjectColumns().
enum ProjectColumn {
  kRef,
  kTitle,
  kTitleEn,
  kDescription,
  kDescriptionEn,
  kFrench,
  kPartner,
  kCountry,
  kKind,
  kStart,
  kEnd,
  kStatus,
  kThemes,
  kSdgs,
  kDac,
  kActors,
  kBeneficiaries,
  kPlace
};
enum FundingColumn {
  kFRef,
  kFLine,
  kFunder,
  kFunderType,
  kMechanism,
  kYear,
  kNature,
  kAmount,
  kCurrency,
  kRate,
  kRateDate
};

// Splits a multi-valued cell on '|' (the CSV separator may be ';').
std::vector<std::string> SplitValues(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('|', start);
    if (end == std::string_view::npos) end = cell.size();
    const std::string_view v = TrimCell(cell.substr(start, end - start));
    if (!v.empty()) out.emplace_back(v);
    start = end + 1;
  }
  return out;
}

// A controlled vocabulary: folded spellings -> canonical value.
using Vocabulary = std::map<std::string, std::string>;

const Vocabulary& PartnershipKinds() {
  static const Vocabulary kVocabulary = {
      {"jumelage", "jumelage"},
      {"twinning", "jumelage"},
      {"convention", "convention"},
      {"convention de cooperation", "convention"},
      {"convention de cooperation decentralisee", "convention"},
      {"cooperation agreement", "convention"},
      {"action", "action"},
      {"action sans convention", "action"},
      {"action without agreement", "action"},
      {"autre", "autre"},
      {"autre action exterieure", "autre"},
      {"other", "autre"},
      {"urgence", "urgence"},
      {"aide d urgence", "urgence"},
      {"emergency", "urgence"},
      {"un pour cent", "un-pour-cent"},
      {"1", "un-pour-cent"},
      {"1 pour cent", "un-pour-cent"},
      {"action 1", "un-pour-cent"},
  };
  return kVocabulary;
}

const Vocabulary& Statuses() {
  static const Vocabulary kVocabulary = {
      {"en projet", "planned"},  {"prevu", "planned"},
      {"planned", "planned"},    {"en cours", "ongoing"},
      {"ongoing", "ongoing"},    {"termine", "completed"},
      {"acheve", "completed"},   {"completed", "completed"},
      {"suspendu", "suspended"}, {"suspended", "suspended"},
      {"annule", "cancelled"},   {"cancelled", "cancelled"},
  };
  return kVocabulary;
}

const Vocabulary& FunderTypes() {
  static const Vocabulary kVocabulary = {
      {"collectivite", "collectivite"},
      {"collectivite francaise", "collectivite"},
      {"french authority", "collectivite"},
      {"partenaire", "partenaire"},
      {"collectivite partenaire", "partenaire"},
      {"partner authority", "partenaire"},
      {"etat", "etat"},
      {"state", "etat"},
      {"afd", "afd"},
      {"ue", "ue"},
      {"union europeenne", "ue"},
      {"eu", "ue"},
      {"agence de l eau", "agence-eau"},
      {"agence eau", "agence-eau"},
      {"water agency", "agence-eau"},
      {"association", "association"},
      {"ong", "association"},
      {"ngo", "association"},
      {"entreprise", "entreprise"},
      {"company", "entreprise"},
      {"fondation", "fondation"},
      {"foundation", "fondation"},
      {"autre", "autre"},
      {"other", "autre"},
  };
  return kVocabulary;
}

const Vocabulary& Mechanisms() {
  static const Vocabulary kVocabulary = {
      {"budget general", "budget-general"},
      {"fonds propres", "budget-general"},
      {"own funds", "budget-general"},
      {"nature", "nature"},
      {"en nature", "nature"},
      {"valorisation", "nature"},
      {"in kind", "nature"},
      {"1 eau", "1pc-eau"},
      {"1pc eau", "1pc-eau"},
      {"1 assainissement", "1pc-assainissement"},
      {"1pc assainissement", "1pc-assainissement"},
      {"1 energie", "1pc-energie"},
      {"1pc energie", "1pc-energie"},
      {"1 dechets", "1pc-dechets"},
      {"1pc dechets", "1pc-dechets"},
      {"1 mobilite", "1pc-mobilite"},
      {"1pc mobilite", "1pc-mobilite"},
      {"appel a projets etat", "appel-etat"},
      {"appel etat", "appel-etat"},
      {"state call", "appel-etat"},
      {"afd ficol", "afd-ficol"},
      {"ficol", "afd-ficol"},
      {"programme ue", "ue"},
      {"ue", "ue"},
      {"eu programme", "ue"},
      {"autre", "autre"},
      {"other", "autre"},
  };
  return kVocabulary;
}

const Vocabulary& Natures() {
  static const Vocabulary kVocabulary = {
      {"prevu", "planned"},   {"previsionnel", "planned"},
      {"planned", "planned"}, {"budget", "planned"},
      {"realise", "actual"},  {"verse", "actual"},
      {"actual", "actual"},   {"paid", "actual"},
  };
  return kVocabulary;
}

// The canonical value of `cell`, also accepting the canonical values
// themselves ("budget-general" folds to "budget general").
std::optional<std::string> Lookup(const Vocabulary& vocabulary,
                                  std::string_view cell) {
  const std::string folded = text::Fold(cell);
  const auto it = vocabulary.find(folded);
  if (it != vocabulary.end()) return it->second;
  for (const auto& [spelling, canonical] : vocabulary) {
    if (text::Fold(canonical) == folded) return canonical;
  }
  return std::nullopt;
}

std::string Choices(const Vocabulary& vocabulary) {
  std::map<std::string, bool> canonical;
  for (const auto& [spelling, value] : vocabulary) canonical[value] = true;
  std::string out;
  for (const auto& [value, unused] : canonical) {
    out += (out.empty() ? "" : ", ") + value;
  }
  return out;
}

class Collector {
 public:
  Collector(std::vector<CellError>* errors, std::size_t max)
      : errors_(errors), max_(max) {}
  void Add(CellRef where, std::string message) {
    if (errors_->size() < max_) {
      errors_->push_back({std::move(where), std::move(message)});
    }
  }

 private:
  std::vector<CellError>* errors_;
  std::size_t max_;
};

}  // namespace

std::string CellRef::ToString() const {
  std::string out = source + ": line " + std::to_string(line);
  if (!column.empty()) out += ", column '" + column + "'";
  return out;
}

CellRef ProjectRow::Where(const std::string& column) const {
  return {source, line, column};
}

CellRef FundingRow::Where(const std::string& column) const {
  return {source, line, column};
}

const std::vector<ColumnSpec>& ProjectColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"ref_projet", {"ref", "project_ref", "reference", "identifiant"}, true},
      {"titre", {"title", "intitulé", "intitule"}, true},
      {"titre_en", {"title_en", "english_title"}, false},
      {"description", {"description_fr", "résumé", "resume", "summary"}, false},
      {"description_en", {"english_description"}, false},
      {"collectivite_fr",
       {"french_authority", "collectivité", "collectivite",
        "collectivité française", "porteur"},
       true},
      {"collectivite_partenaire",
       {"partner_authority", "partenaire", "collectivité partenaire"},
       false},
      {"pays", {"country", "pays partenaire", "partner_country"}, true},
      {"type_partenariat",
       {"partnership_kind", "type de partenariat", "partnership_type"},
       false},
      {"date_debut", {"start_date", "début", "debut", "start"}, false},
      {"date_fin", {"end_date", "fin", "end"}, false},
      {"statut", {"status", "état", "etat"}, false},
      {"themes", {"thèmes", "thematiques", "thématiques", "themes_en"}, false},
      {"odd", {"sdg", "sdgs", "objectifs de développement durable"}, false},
      {"cad", {"dac", "dac_codes", "secteurs cad", "codes cad"}, false},
      {"acteurs", {"actors", "partenaires associés", "operateurs"}, false},
      {"beneficiaires", {"beneficiaries", "bénéficiaires"}, false},
      {"lieu", {"place", "location", "localité", "localite"}, false},
  };
  return kSpecs;
}

const std::vector<ColumnSpec>& FundingColumns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"ref_projet", {"ref", "project_ref", "reference", "identifiant"}, true},
      {"ligne", {"line", "line_ref", "ref_ligne"}, false},
      {"financeur", {"funder", "bailleur"}, true},
      {"type_financeur", {"funder_type", "type de financeur"}, true},
      {"mecanisme", {"mechanism", "mécanisme", "dispositif"}, true},
      {"annee", {"year", "année", "exercice"}, true},
      {"nature", {"planned_or_actual", "prévu ou réalisé"}, true},
      {"montant", {"amount", "montant_eur", "amount_eur"}, true},
      {"devise", {"currency"}, false},
      {"taux", {"exchange_rate", "taux de change", "rate"}, false},
      {"date_taux", {"rate_date", "date du taux"}, false},
  };
  return kSpecs;
}

Result<ProjectFiles> ReadProjectFiles(std::string_view project_bytes,
                                      const std::string& project_source,
                                      std::string_view funding_bytes,
                                      const std::string& funding_source,
                                      std::size_t max_errors) {
  ProjectFiles files;
  Collector errors(&files.errors, max_errors);
  COOPATLAS_ASSIGN_OR_RETURN(files.projects_sheet,
                             ReadSheet(project_bytes, project_source));
  COOPATLAS_ASSIGN_OR_RETURN(
      std::vector<int> pc, MapColumns(files.projects_sheet, ProjectColumns()));
  std::map<std::string, std::size_t> refs;  // ref -> line
  for (const auto& record : files.projects_sheet.rows) {
    ProjectRow row;
    row.line = record.line;
    row.source = project_source;
    auto cell = [&](int column) -> std::string {
      const int i = pc[static_cast<std::size_t>(column)];
      if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size())
        return {};
      return std::string(TrimCell(record.fields[static_cast<std::size_t>(i)]));
    };
    auto name = [](int column) {
      return ProjectColumns()[static_cast<std::size_t>(column)].name;
    };
    row.ref = cell(kRef);
    row.title_fr = cell(kTitle);
    for (const int required : {kRef, kTitle, kFrench, kCountry}) {
      if (cell(required).empty()) {
        errors.Add(row.Where(name(required)), "required value missing");
      }
    }
    if (!row.ref.empty()) {
      const auto [it, fresh] = refs.emplace(row.ref, row.line);
      if (!fresh) {
        errors.Add(row.Where(name(kRef)), "project '" + row.ref +
                                              "' already defined at line " +
                                              std::to_string(it->second));
      }
    }
    row.title_en = cell(kTitleEn);
    row.description_fr = cell(kDescription);
    row.description_en = cell(kDescriptionEn);
    row.french_authorities = SplitValues(cell(kFrench));
    row.partner_authorities = SplitValues(cell(kPartner));
    row.country = cell(kCountry);
    row.partnership_kind = "convention";
    if (!cell(kKind).empty()) {
      if (auto kind = Lookup(PartnershipKinds(), cell(kKind))) {
        row.partnership_kind = *kind;
      } else {
        errors.Add(row.Where(name(kKind)),
                   "unknown partnership kind '" + cell(kKind) +
                       "' (one of: " + Choices(PartnershipKinds()) + ")");
      }
    }
    for (const auto& [column, out] :
         {std::pair{kStart, &row.started_on}, std::pair{kEnd, &row.ended_on}}) {
      if (cell(column).empty()) continue;
      auto date = ParseDate(cell(column));
      if (date.ok()) {
        *out = *date;
      } else {
        errors.Add(row.Where(name(column)), date.status().message());
      }
    }
    if (!row.started_on.empty() && !row.ended_on.empty() &&
        row.ended_on < row.started_on) {
      errors.Add(row.Where(name(kEnd)), "ends (" + row.ended_on +
                                            ") before it starts (" +
                                            row.started_on + ")");
    }
    row.status = "ongoing";
    if (!cell(kStatus).empty()) {
      if (auto status = Lookup(Statuses(), cell(kStatus))) {
        row.status = *status;
      } else {
        errors.Add(row.Where(name(kStatus)),
                   "unknown status '" + cell(kStatus) +
                       "' (one of: " + Choices(Statuses()) + ")");
      }
    }
    row.themes = SplitValues(cell(kThemes));
    row.sdgs = SplitValues(cell(kSdgs));
    for (const std::string& d : SplitValues(cell(kDac))) {
      // "14030" or "14030:60" (percentage).
      const std::size_t colon = d.find(':');
      std::string code = d.substr(0, colon);
      std::optional<double> percentage;
      if (colon != std::string::npos) {
        auto p = ParseDecimal(d.substr(colon + 1));
        if (!p.ok() || *p <= 0 || *p > 100) {
          errors.Add(row.Where(name(kDac)),
                     "bad percentage in '" + d + "' (expected 14030:60)");
          continue;
        }
        percentage = *p;
      }
      if (code.size() != 5 ||
          code.find_first_not_of("0123456789") != std::string::npos) {
        errors.Add(row.Where(name(kDac)),
                   "'" + code + "' is not a 5-digit DAC purpose code");
        continue;
      }
      row.dac.emplace_back(code, percentage);
    }
    for (const std::string& a : SplitValues(cell(kActors))) {
      // "Name" or "Name:TypeCode" (IATI OrganisationType).
      const std::size_t colon = a.rfind(':');
      if (colon != std::string::npos &&
          a.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
          colon + 1 < a.size()) {
        row.actors.emplace_back(std::string(TrimCell(a.substr(0, colon))),
                                a.substr(colon + 1));
      } else {
        row.actors.emplace_back(a, "");
      }
    }
    row.beneficiaries = cell(kBeneficiaries);
    row.place = cell(kPlace);
    files.projects.push_back(std::move(row));
  }

  if (funding_bytes.empty()) return files;
  COOPATLAS_ASSIGN_OR_RETURN(files.funding_sheet,
                             ReadSheet(funding_bytes, funding_source));
  COOPATLAS_ASSIGN_OR_RETURN(std::vector<int> fc,
                             MapColumns(files.funding_sheet, FundingColumns()));
  std::map<std::string, std::size_t> line_keys;
  for (const auto& record : files.funding_sheet.rows) {
    FundingRow row;
    row.line = record.line;
    row.source = funding_source;
    auto cell = [&](int column) -> std::string {
      const int i = fc[static_cast<std::size_t>(column)];
      if (i < 0 || static_cast<std::size_t>(i) >= record.fields.size())
        return {};
      return std::string(TrimCell(record.fields[static_cast<std::size_t>(i)]));
    };
    auto name = [](int column) {
      return FundingColumns()[static_cast<std::size_t>(column)].name;
    };
    for (const int required :
         {kFRef, kFunder, kFunderType, kMechanism, kYear, kNature, kAmount}) {
      if (cell(required).empty()) {
        errors.Add(row.Where(name(required)), "required value missing");
      }
    }
    row.project_ref = cell(kFRef);
    if (!row.project_ref.empty() && refs.count(row.project_ref) == 0) {
      errors.Add(row.Where(name(kFRef)),
                 "no project '" + row.project_ref + "' in " + project_source);
    }
    row.line_ref = cell(kFLine);
    if (!row.line_ref.empty()) {
      const std::string key = row.project_ref + "#" + row.line_ref;
      const auto [it, fresh] = line_keys.emplace(key, row.line);
      if (!fresh) {
        errors.Add(row.Where(name(kFLine)),
                   "line '" + row.line_ref + "' of project '" +
                       row.project_ref + "' already at line " +
                       std::to_string(it->second));
      }
    }
    row.funder = cell(kFunder);
    if (!cell(kFunderType).empty()) {
      if (auto t = Lookup(FunderTypes(), cell(kFunderType))) {
        row.funder_type = *t;
      } else {
        errors.Add(row.Where(name(kFunderType)),
                   "unknown funder type '" + cell(kFunderType) +
                       "' (one of: " + Choices(FunderTypes()) + ")");
      }
    }
    if (!cell(kMechanism).empty()) {
      if (auto m = Lookup(Mechanisms(), cell(kMechanism))) {
        row.mechanism = *m;
      } else {
        errors.Add(row.Where(name(kMechanism)),
                   "unknown mechanism '" + cell(kMechanism) +
                       "' (one of: " + Choices(Mechanisms()) + ")");
      }
    }
    if (!cell(kYear).empty()) {
      auto year = ParseYear(cell(kYear));
      if (year.ok()) {
        row.year = *year;
      } else {
        errors.Add(row.Where(name(kYear)), year.status().message());
      }
    }
    if (!cell(kNature).empty()) {
      if (auto n = Lookup(Natures(), cell(kNature))) {
        row.nature = *n;
      } else {
        errors.Add(row.Where(name(kNature)),
                   "unknown nature '" + cell(kNature) +
                       "' (planned/prévu or actual/réalisé)");
      }
    }
    if (!cell(kCurrency).empty()) {
      row.currency = cell(kCurrency);
      for (char& c : row.currency) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      }
      if (row.currency.size() != 3 ||
          row.currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
              std::string::npos) {
        errors.Add(
            row.Where(name(kCurrency)),
            "'" + cell(kCurrency) + "' is not an ISO 4217 code (EUR, XOF, …)");
      }
    }
    if (!cell(kAmount).empty()) {
      auto amount = ParseAmountCents(cell(kAmount));
      if (!amount.ok()) {
        errors.Add(row.Where(name(kAmount)), amount.status().message());
      } else if (*amount <= 0) {
        errors.Add(row.Where(name(kAmount)),
                   "amount must be positive, got '" + cell(kAmount) + "'");
      } else if (row.currency == "EUR") {
        row.amount_cents = *amount;
      } else {
        // Another currency: keep it, with the rate and date used.
        row.original_amount = cell(kAmount);
        row.exchange_rate = cell(kRate);
        row.rate_date = cell(kRateDate);
        auto rate = ParseDecimal(cell(kRate));
        auto date = ParseDate(cell(kRateDate));
        if (cell(kRate).empty() || !rate.ok() || *rate <= 0) {
          errors.Add(row.Where(name(kRate)),
                     "an amount in " + row.currency +
                         " needs its exchange rate (euros per " + row.currency +
                         ")");
        } else if (cell(kRateDate).empty() || !date.ok()) {
          errors.Add(row.Where(name(kRateDate)),
                     "an amount in " + row.currency +
                         " needs the date of its exchange rate");
        } else {
          row.rate_date = *date;
          row.amount_cents = static_cast<std::int64_t>(
              std::llround(static_cast<long double>(*amount) * *rate));
        }
      }
      if (row.amount_cents > kMaxLineCents) {
        errors.Add(row.Where(name(kAmount)),
                   "amount '" + cell(kAmount) +
                       "' is above 100 million euros for one line: check it");
      }
    }
    files.funding.push_back(std::move(row));
  }
  return files;
}

}  // namespace coopatlas::ingest
