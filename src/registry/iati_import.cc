// `coopatlas import iati`: streams the activities of an IATI file into
// projects, participants and funding lines (docs/iati.md).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/time.h"
#include "iati/reader.h"
#include "iati/rules.h"
#include "registry/import_common.h"
#include "registry/registry_impl.h"
#include "store/records.h"
#include "store/reference_tables.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string Upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The imported project's status from an ActivityStatus code.
std::optional<std::string> StatusOf(const std::string& code) {
  if (code == "1") return "planned";
  if (code == "2") return "ongoing";
  if (code == "3" || code == "4") return "completed";
  if (code == "5") return "cancelled";
  if (code == "6") return "suspended";
  return std::nullopt;
}

std::string RoleName(int role) {
  switch (role) {
    case 1:
      return "funder";
    case 2:
      return "lead";
    default:
      return "partner";
  }
}

// An organisation element (participating-org, reporting-org,
// provider-org) as read, before it is placed.
struct Org {
  std::string name;         // its first narrative
  std::string ref;          // its identifier, trimmed
  std::string type;         // OrganisationType code
  std::string channel;      // CRS channel, or the call site's default for 11
  std::string key;          // ref|Fold(name)|channel: where it is placed
  std::string folded_name;  // Fold(name)
  // The ref attribute as written, and whether there is one (transactions
  // find their provider among the participants by it).
  std::string raw_ref;
  bool has_ref = false;
  int role = 4;  // participating-org only
};

// A transaction, read.
struct MappedTransaction {
  std::vector<std::string> warnings;
  bool skipped = false;             // not money that moved
  std::optional<FundingLine> line;  // none without a year or an amount
  std::optional<Org> provider;      // its provider-org, if any
};

// An activity as read and mapped on the reading thread, before anything
// is written: the project without its participants, the organisations to
// place, the funding lines without their funders, and the warnings, each
// kept beside the step that gives it so that they are reported in the
// order of a single pass.
struct MappedActivity {
  std::string id;                     // empty: skipped, with its warning
  std::string where;                  // file:line (id), the warnings' prefix
  std::string prefix;                 // of the French authorities' identifiers
  std::vector<std::string> warnings;  // up to the participants
  Project project;
  std::string first_country;
  // Each participating-org, after the warnings of its own reading.
  std::vector<std::pair<std::vector<std::string>, Org>> participants;
  std::optional<Org> reporting;
  std::vector<std::string> budget_warnings;
  std::vector<FundingLine> budgets;  // one per year, merged
  std::vector<MappedTransaction> transactions;
};

// Maps activities (thread-safe: it keeps nothing between activities but
// the options and the codelists, which it only reads).
class Mapper {
 public:
  Mapper(const IatiImportOptions& o, const iati::Codelists& lists)
      : o_(o), lists_(lists) {}

  MappedActivity Map(const iati::Element& a) const {
    MappedActivity m;
    m.id = iati::ActivityIdentifier(a);
    m.where = o_.file + ":" + std::to_string(a.line);
    Sink sink{&m.where, &m.warnings};
    if (m.id.empty()) {
      sink.Warn("an activity without iati-identifier: skipped");
      return m;
    }
    m.where += " (" + m.id + ")";
    m.prefix = o_.id_prefix;
    if (m.prefix.empty()) {
      if (const iati::Element* r = a.Child("reporting-org")) {
        const std::string ref = Trim(r->AttrOr("ref"));
        const auto dash = ref.rfind('-');
        if (dash != std::string::npos) m.prefix = ref.substr(0, dash);
      }
    }
    Project& p = m.project;
    p.ref = m.id;
    std::string lang = a.AttrOr("xml:lang");
    if (!lang.empty() && lang != Lower(lang)) {
      sink.Warn("xml:lang '" + lang + "' in upper case: read as '" +
                Lower(lang) + "'");
    }
    lang = lang.empty() ? "fr" : Lower(lang);
    Texts(sink, a.Child("title"), lang, &p.title_fr, &p.title_en);
    const iati::Element* description = nullptr;
    for (const iati::Element* d : a.Children("description")) {
      if (d->AttrOr("type", "1") == "1") {
        description = d;
        break;
      }
    }
    Texts(sink, description, lang, &p.description_fr, &p.description_en);
    if (p.title_fr.empty()) p.title_fr = p.title_en.empty() ? m.id : p.title_en;
    if (p.title_en == p.title_fr) p.title_en.clear();
    p.status = "ongoing";
    if (const iati::Element* s = a.Child("activity-status")) {
      if (auto status = StatusOf(s->AttrOr("code"))) {
        p.status = *status;
      } else {
        sink.Warn("unknown activity-status '" + s->AttrOr("code") +
                  "': read as ongoing");
      }
    }
    for (const iati::Element* d : a.Children("activity-date")) {
      const std::string type = d->AttrOr("type");
      const std::string date = d->AttrOr("iso-date").substr(0, 10);
      if (type == "2" || (type == "1" && p.started_on.empty())) {
        p.started_on = date;
      }
      if (type == "4" || (type == "3" && p.ended_on.empty())) {
        p.ended_on = date;
      }
    }
    // Countries, then the located places (in the first country).
    for (const iati::Element* c : a.Children("recipient-country")) {
      const std::string code = Upper(c->AttrOr("code"));
      if (code != c->AttrOr("code")) {
        sink.Warn("country code '" + c->AttrOr("code") + "' read as '" + code +
                  "'");
      }
      if (!lists_.Contains("Country", code)) {
        sink.Warn("unknown country code '" + code + "': skipped");
        continue;
      }
      if (m.first_country.empty()) m.first_country = code;
      p.locations.push_back(
          {code, std::nullopt, "", std::nullopt, std::nullopt});
    }
    for (const iati::Element* l : a.Children("location")) {
      ProjectLocation loc{m.first_country, std::nullopt, "", std::nullopt,
                          std::nullopt};
      if (const iati::Element* n = l->Child("name")) {
        std::string unused;
        Texts(sink, n, lang, &loc.name, &unused);
        if (loc.name.empty()) loc.name = unused;
      }
      if (const iati::Element* point = l->Child("point")) {
        const iati::Element* pos = point->Child("pos");
        double lat = 0, lng = 0;
        if (pos == nullptr || Trim(pos->text).empty()) {
          sink.Warn("an empty <point> (line " + std::to_string(point->line) +
                    "): no coordinates");
        } else if (std::sscanf(pos->text.c_str(), "%lf %lf", &lat, &lng) != 2 ||
                   std::fabs(lat) > 90 || std::fabs(lng) > 180) {
          sink.Warn("<pos> '" + Trim(pos->text) + "' (line " +
                    std::to_string(pos->line) + ") is not 'lat lng': ignored");
        } else {
          loc.lat = lat;
          loc.lng = lng;
        }
      }
      if (loc.name.empty() && !loc.lat) continue;
      p.locations.push_back(std::move(loc));
    }
    Sectors(sink, a, &p);
    for (const iati::Element* o : a.Children("participating-org")) {
      std::vector<std::string> warnings;
      Sink org_sink{&m.where, &warnings};
      int role = std::atoi(o->AttrOr("role").c_str());
      if (role < 1 || role > 4) {
        org_sink.Warn("participating-org role '" + o->AttrOr("role") +
                      "' is not 1 to 4: read as 4");
        role = 4;
      }
      Org org = ReadOrg(*o, "");
      org.role = role;
      m.participants.emplace_back(std::move(warnings), std::move(org));
    }
    if (const iati::Element* r = a.Child("reporting-org")) {
      m.reporting = ReadOrg(*r, "11002");
    }
    Funding(a, &m);
    return m;
  }

 private:
  // Where warnings go: the step's list, as "where: text".
  struct Sink {
    const std::string* where;
    std::vector<std::string>* out;
    void Warn(const std::string& text) const {
      out->push_back(*where + ": " + text);
    }
  };

  static Org ReadOrg(const iati::Element& e,
                     const std::string& default_channel) {
    Org org;
    org.name = NameOf(e);
    org.ref = Trim(e.AttrOr("ref"));
    org.type = e.AttrOr("type");
    org.channel = e.AttrOr("crs-channel-code");
    if (org.channel.empty() && org.type == "11") org.channel = default_channel;
    org.folded_name = text::Fold(org.name);
    org.key = org.ref + "|" + org.folded_name + "|" + org.channel;
    if (const std::string* raw = e.Attr("ref")) {
      org.raw_ref = *raw;
      org.has_ref = true;
    }
    return org;
  }

  // The name of an organisation element (its first narrative).
  static std::string NameOf(const iati::Element& org) {
    for (const iati::Element* n : org.Children("narrative")) {
      std::string t = Trim(n->text);
      if (!t.empty()) return t;
    }
    return {};
  }

  // The French and English texts of an element's narratives.
  static void Texts(const Sink& sink, const iati::Element* e,
                    const std::string& lang, std::string* fr, std::string* en) {
    if (e == nullptr) return;
    bool fr_found = false;
    for (const iati::Element* n : e->Children("narrative")) {
      std::string l = n->AttrOr("xml:lang");
      if (!l.empty() && l != Lower(l)) {
        sink.Warn("narrative xml:lang '" + l + "' in upper case (line " +
                  std::to_string(n->line) + ")");
      }
      l = l.empty() ? lang : Lower(l);
      const std::string text = Trim(n->text);
      if (text.empty()) continue;
      if (l == "en") {
        if (en->empty()) *en = text;
      } else if (l == "fr") {
        if (fr->empty() || !fr_found) *fr = text;
        fr_found = true;
      } else if (fr->empty()) {
        *fr = text;  // another language stands in for French
      }
    }
  }

  // A decimal as written, tolerating exponents ("1e-10") with a warning.
  static std::optional<double> Number(const Sink& sink, const std::string& raw,
                                      const char* what) {
    const std::string s = Trim(raw);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) {
      sink.Warn(std::string(what) + " '" + s + "' is not a number: ignored");
      return std::nullopt;
    }
    if (s.find_first_of("eE") != std::string::npos) {
      sink.Warn(std::string(what) + " '" + s + "' written with an exponent");
    }
    return v;
  }

  void Sectors(const Sink& sink, const iati::Element& a, Project* p) const {
    std::set<std::string> seen;
    for (const iati::Element* s : a.Children("sector")) {
      std::string vocab = s->AttrOr("vocabulary");
      if (vocab.empty()) vocab = "1";
      const std::string code = s->AttrOr("code");
      std::optional<double> pct;
      if (const std::string* raw = s->Attr("percentage")) {
        pct = Number(sink, *raw, "sector percentage");
      }
      if (vocab == "1") {
        if (!lists_.Contains("Sector", code)) {
          sink.Warn("unknown DAC sector code '" + code + "': skipped");
        } else if (seen.insert("dac:" + code).second) {
          p->dac.push_back({code, pct});
        }
      } else if (vocab == "7" || vocab == "8") {
        const std::string list = vocab == "7" ? "UNSDG-Goals" : "UNSDG-Targets";
        if (!lists_.Contains(list, code)) {
          sink.Warn("unknown " + list + " code '" + code + "': skipped");
        } else if (seen.insert("sdg:" + code).second) {
          p->sdgs.push_back({code, "person", "accepted", std::nullopt, ""});
        }
      }
    }
    for (const iati::Element* t : a.Children("tag")) {
      const std::string vocab = t->AttrOr("vocabulary");
      const std::string code = t->AttrOr("code");
      if (vocab != "2" && vocab != "3") continue;
      const std::string list = vocab == "2" ? "UNSDG-Goals" : "UNSDG-Targets";
      if (!lists_.Contains(list, code)) {
        sink.Warn("unknown " + list + " tag '" + code + "': skipped");
      } else if (seen.insert("sdg:" + code).second) {
        p->sdgs.push_back({code, "person", "accepted", std::nullopt, ""});
      }
    }
  }

  static std::optional<std::int64_t> Cents(const Sink& sink,
                                           const iati::Element* value,
                                           const iati::Element& activity) {
    if (value == nullptr) return std::nullopt;
    std::string currency = value->AttrOr("currency");
    if (currency.empty()) currency = activity.AttrOr("default-currency");
    if (Upper(currency) != "EUR") {
      sink.Warn("a value in '" + currency + "' (line " +
                std::to_string(value->line) +
                "): only EUR amounts are imported, skipped");
      return std::nullopt;
    }
    auto v = Number(sink, value->text, "value");
    if (!v) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(*v * 100));
  }

  static int YearOf(const std::string& date) {
    return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0;
  }

  static void Funding(const iati::Element& a, MappedActivity* m) {
    const std::string& id = m->id;
    // Budgets: one planned line per budget, in the year it starts.
    const Sink budget_sink{&m->where, &m->budget_warnings};
    for (const iati::Element* b : a.Children("budget")) {
      const iati::Element* start = b->Child("period-start");
      const int year = start ? YearOf(start->AttrOr("iso-date")) : 0;
      auto cents = Cents(budget_sink, b->Child("value"), a);
      if (year == 0 || !cents) continue;
      FundingLine line;
      line.key = id + "#budget-" + std::to_string(year);
      line.mechanism = "iati-budget";
      line.year = year;
      line.nature = "planned";
      line.amount_cents = *cents;
      // Several budgets in one year add up.
      bool merged = false;
      for (auto& k : m->budgets) {
        if (k.key == line.key) {
          k.amount_cents += line.amount_cents;
          merged = true;
        }
      }
      if (!merged) m->budgets.push_back(line);
    }
    // Transactions: money that moved (incoming funds, disbursements,
    // expenditure) as actual lines; commitments and the rest are skipped.
    int n = 0;
    for (const iati::Element* t : a.Children("transaction")) {
      ++n;
      MappedTransaction& mt = m->transactions.emplace_back();
      const Sink sink{&m->where, &mt.warnings};
      const iati::Element* type = t->Child("transaction-type");
      const std::string code = type ? type->AttrOr("code") : "";
      if (code != "1" && code != "3" && code != "4") {
        mt.skipped = true;
        continue;
      }
      const iati::Element* date = t->Child("transaction-date");
      const int year = date ? YearOf(date->AttrOr("iso-date")) : 0;
      auto cents = Cents(sink, t->Child("value"), a);
      if (year == 0 || !cents) continue;
      FundingLine line;
      line.key = t->AttrOr("ref").empty() ? id + "#t" + std::to_string(n)
                                          : t->AttrOr("ref");
      std::string mechanism;
      if (const iati::Element* d = t->Child("description")) {
        std::string unused;
        Texts(sink, d, "fr", &mechanism, &unused);
        if (mechanism.empty()) mechanism = unused;
      }
      line.mechanism = mechanism.empty() ? "iati-transaction" : mechanism;
      line.year = year;
      line.nature = "actual";
      line.amount_cents = *cents;
      mt.line = std::move(line);
      if (const iati::Element* org = t->Child("provider-org")) {
        mt.provider = ReadOrg(*org, "11002");
      }
    }
  }

  const IatiImportOptions& o_;
  const iati::Codelists& lists_;
};

// An organisation as the import places it: a French authority, a foreign
// authority, or an actor.
struct Entity {
  std::optional<AuthorityRef> authority;
  std::optional<Actor> actor;
};

// Writes mapped activities, in order, on the writing thread.
class Importer {
 public:
  Importer(const IatiImportOptions& o, const resolve::Resolver& resolver,
           const Places& places, const iati::Codelists& lists,
           store::Writer* writer, std::int64_t run, ImportReport* report,
           const std::map<std::string, std::string>& siren_to_code)
      : o_(o),
        resolver_(resolver),
        places_(places),
        lists_(lists),
        writer_(writer),
        run_(run),
        report_(report),
        siren_to_code_(siren_to_code) {}

  // Imports one activity; the first error stops the import.
  Status Activity(MappedActivity& m) {
    ++report_->lines;
    where_ = m.where;
    Report(m.warnings);
    if (m.id.empty()) return Status::Ok();
    // The activity's changes (its project, the project's places, sectors,
    // participants and funding lines, and the authorities and actors it
    // brings) make one audit row (store::Writer::BeginAuditGroup).
    writer_->BeginAuditGroup();
    prefix_ = m.prefix;
    Project& p = m.project;
    COOPATLAS_RETURN_IF_ERROR(Participants(m, &p));
    Entity reporting;
    if (m.reporting) {
      COOPATLAS_ASSIGN_OR_RETURN(const Entity* placed,
                                 Place(*m.reporting, m.first_country));
      reporting = *placed;
    }
    const store::Provenance provenance{o_.file, run_, false};
    COOPATLAS_ASSIGN_OR_RETURN(auto r,
                               store::PutProject(writer_, p, provenance));
    importing::CountMain(report_, r.outcome);
    ++report_->outcomes["imported"];
    COOPATLAS_RETURN_IF_ERROR(
        Funding(m, r.id, r.outcome == store::PutOutcome::kCreated, reporting));
    return writer_->EndAuditGroup("project", std::to_string(r.id));
  }

 private:
  // Warnings mapped on the reading thread, in their place.
  void Report(const std::vector<std::string>& warnings) {
    for (const std::string& w : warnings) Issue(w);
  }
  void Warn(const std::string& text) { Issue(where_ + ": " + text); }
  void Issue(const std::string& text) {
    ++report_->others["warnings"];
    // Kept as issues (name = where, status = warning), the first 1,000.
    if (report_->issues.size() < 1000) {
      ImportIssue issue;
      issue.name = text;
      issue.status = "warning";
      report_->issues.push_back(std::move(issue));
    }
  }

  // A French authority from an identifier prefix-SIREN, or nothing.
  std::optional<Candidate> BySiren(const std::string& ref) {
    if (prefix_.empty() || ref.rfind(prefix_ + "-", 0) != 0) {
      return std::nullopt;
    }
    const std::string siren = ref.substr(prefix_.size() + 1);
    std::string code = siren;
    if (auto it = siren_to_code_.find(siren); it != siren_to_code_.end()) {
      code = it->second;
    }
    auto c = FrenchIdentity(resolver_, code);
    if (!c.ok()) return std::nullopt;
    return *c;
  }

  // Places an organisation: a French local authority (by its prefix-SIREN
  // identifier or its name, when CRS channel 11002 or type 11 says so), a
  // foreign one (CRS channel 12002), or an actor. The entity stays in
  // placed_ for the import's life.
  Result<const Entity*> Place(const Org& org, const std::string& country) {
    if (auto it = placed_.find(org.key); it != placed_.end()) {
      return &it->second;
    }
    const std::string& name = org.name;
    Entity e;
    std::optional<Candidate> french = BySiren(org.ref);
    if (!french && org.type == "11" && org.channel == "11002" &&
        !name.empty()) {
      const ResolveResult r = resolver_.Resolve(name, {});
      if (r.status == Resolution::kUnique) {
        french = r.candidates[0];
      } else {
        Warn("the local authority '" + name + "' is " +
             std::string(ResolutionName(r.status)) +
             " among French authorities: kept as an actor");
      }
    }
    if (french) {
      COOPATLAS_ASSIGN_OR_RETURN(
          e.authority, importing::PutFrench(writer_, *french, places_, o_.file,
                                            run_, report_));
    } else if (org.type == "11" && org.channel == "12002" && !country.empty() &&
               !name.empty()) {
      COOPATLAS_ASSIGN_OR_RETURN(
          e.authority, importing::PutForeign(writer_, name, country, places_,
                                             {o_.file, run_, false}, report_));
    } else {
      Actor actor;
      actor.name = text::Nfc(name.empty() ? org.ref : name);
      if (actor.name.empty()) return &(placed_[org.key] = e);
      if (!org.type.empty() && !lists_.Contains("OrganisationType", org.type)) {
        Warn("unknown organisation type '" + org.type + "' for '" + actor.name +
             "': left empty");
      } else {
        actor.org_type = org.type;
      }
      actor.iati_ref = org.ref;
      COOPATLAS_ASSIGN_OR_RETURN(
          auto r, store::PutActor(writer_, actor, text::Fold(actor.name),
                                  {o_.file, run_, false}));
      importing::CountOther(report_, "actors", r.outcome);
      actor.meta.id = r.id;
      e.actor = std::move(actor);
    }
    return &(placed_[org.key] = std::move(e));
  }

  Status Participants(const MappedActivity& m, Project* p) {
    names_.clear();
    for (const auto& [warnings, org] : m.participants) {
      Report(warnings);
      COOPATLAS_ASSIGN_OR_RETURN(const Entity* e, Place(org, m.first_country));
      if (!e->authority && !e->actor) {
        Warn("a participating-org without name nor identifier: skipped");
        continue;
      }
      names_[org.folded_name] = e;
      if (!org.raw_ref.empty()) names_["ref:" + org.raw_ref] = e;
      p->participants.push_back(
          {e->authority, e->actor, RoleName(org.role), org.role});
    }
    return Status::Ok();
  }

  // The funder of a transaction: its provider-org (a participant of that
  // name or identifier, else placed like one), else the reporting org.
  Result<Entity> Provider(const MappedTransaction& t, const Entity& reporting,
                          const std::string& country) {
    if (!t.provider) return reporting;
    const Org& org = *t.provider;
    if (org.has_ref) {
      if (auto it = names_.find("ref:" + org.raw_ref); it != names_.end()) {
        return *it->second;
      }
    }
    if (auto it = names_.find(org.folded_name); it != names_.end()) {
      return *it->second;
    }
    COOPATLAS_ASSIGN_OR_RETURN(const Entity* e, Place(org, country));
    if (!e->authority && !e->actor) return reporting;
    return *e;
  }

  // `created`: the project is new, so it has no other lines to remove.
  Status Funding(const MappedActivity& m, std::int64_t project_id, bool created,
                 const Entity& reporting) {
    const store::Provenance provenance{o_.file, run_, false};
    std::vector<std::string> keys;
    auto put = [&](FundingLine line, const Entity& funder) -> Status {
      line.funder_authority = funder.authority;
      line.funder_actor = funder.actor;
      if (!line.funder_authority && !line.funder_actor) {
        Warn("no funder for " + line.key + ": skipped");
        return Status::Ok();
      }
      COOPATLAS_ASSIGN_OR_RETURN(
          auto r, store::PutFundingLine(writer_, project_id, line, provenance));
      importing::CountOther(report_, "funding_lines", r.outcome);
      keys.push_back(line.key);
      return Status::Ok();
    };
    Report(m.budget_warnings);
    for (const FundingLine& line : m.budgets) {
      COOPATLAS_RETURN_IF_ERROR(put(line, reporting));
    }
    for (const MappedTransaction& t : m.transactions) {
      if (t.skipped) {
        ++report_->others["transactions_skipped"];
        continue;
      }
      Report(t.warnings);
      if (!t.line) continue;
      COOPATLAS_ASSIGN_OR_RETURN(Entity funder,
                                 Provider(t, reporting, m.first_country));
      COOPATLAS_RETURN_IF_ERROR(put(*t.line, funder));
    }
    if (created) return Status::Ok();
    COOPATLAS_ASSIGN_OR_RETURN(
        int removed, store::RemoveOtherFundingLines(writer_, project_id, keys));
    if (removed > 0) report_->others["funding_lines_removed"] += removed;
    return Status::Ok();
  }

  const IatiImportOptions& o_;
  const resolve::Resolver& resolver_;
  const Places& places_;
  const iati::Codelists& lists_;
  store::Writer* writer_;
  std::int64_t run_;
  ImportReport* report_;
  const std::map<std::string, std::string>& siren_to_code_;
  std::string where_;
  std::string prefix_;
  std::unordered_map<std::string, Entity> placed_;  // by Org::key
  std::map<std::string, const Entity*> names_;      // into placed_
};

// Sets the connection's page cache size (PRAGMA cache_size: negative in
// KiB) for a scope, then puts the previous one back.
class CacheSize {
 public:
  CacheSize(store::Db* db, int size) : db_(db) {
    if (auto s = db_->Prepare("PRAGMA cache_size"); s.ok()) {
      if (auto row = s->Step(); row.ok() && *row) {
        previous_ = static_cast<int>(s->ColumnInt(0));
      }
    }
    (void)db_->Exec("PRAGMA cache_size=" + std::to_string(size));
  }
  ~CacheSize() {
    (void)db_->Exec("PRAGMA cache_size=" + std::to_string(previous_));
  }
  CacheSize(const CacheSize&) = delete;
  CacheSize& operator=(const CacheSize&) = delete;

 private:
  store::Db* db_;
  int previous_ = -2000;
};

// Batches of mapped activities from the reading thread to the writing one.
class ActivityQueue {
 public:
  static constexpr std::size_t kBatch = 64;
  static constexpr std::size_t kBatches = 8;

  // Waits for room; false once the consumer has stopped.
  bool Push(std::vector<MappedActivity> batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || batches_.size() < kBatches; });
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // The producer has no more.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  // Waits for the next batch; false when there is none and will be none.
  bool Pop(std::vector<MappedActivity>* batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return false;
    *batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return true;
  }
  // The consumer wants no more.
  void Stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    batches_.clear();
    room_.notify_one();
  }
  // The consumer hands back a batch it has written, and the producer takes
  // it back (TakeSpent) to free its activities and refill it: freeing the
  // activities costs the writing thread time, and the reading thread, which
  // made them, has time to spare.
  void Recycle(std::vector<MappedActivity> batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    spent_.push_back(std::move(batch));
  }
  // A batch handed back, emptied, or an empty one.
  std::vector<MappedActivity> TakeSpent() {
    std::vector<MappedActivity> batch;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (spent_.empty()) return batch;
      batch = std::move(spent_.front());
      spent_.pop_front();
    }
    batch.clear();  // outside the lock
    return batch;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::vector<MappedActivity>> batches_, spent_;
  bool closed_ = false, stopped_ = false;
};

// Commune INSEE code by SIREN, from the reference data.
Result<std::map<std::string, std::string>> SirenToCode(store::Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(auto pairs, store::CommuneSirens(db));
  std::map<std::string, std::string> out;
  for (auto& [code, siren] : pairs) out[std::move(siren)] = std::move(code);
  return out;
}

}  // namespace

Result<ImportReport> Registry::ImportIati(const IatiImportOptions& options) {
  if (options.file.empty()) return Status::InvalidArgument("no file given");
  ++impl_->generation;
  const auto start = std::chrono::steady_clock::now();
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(const Places* places, impl_->GetPlaces());
  COOPATLAS_ASSIGN_OR_RETURN(iati::Codelists lists, ReadIatiCodelists(db));
  COOPATLAS_ASSIGN_OR_RETURN(auto sirens, SirenToCode(db));
  ImportReport report;
  report.kind = "iati";
  report.source = options.file;
  report.encoding = "UTF-8";
  report.dry_run = options.dry_run;
  // A page cache of 64 MB for the import's transaction (SQLite's default
  // is 2 MB: pages of the growing tables were written out and read back).
  CacheSize cache(db, -65536);
  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer,
      store::Writer::Begin(db, {options.actor, std::nullopt, /*bulk=*/true,
                                /*foreign_keys_at_commit=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t run,
                             writer->StartRun("iati", options.file));
  Importer importer(options, *resolver, *places, lists, writer.get(), run,
                    &report, sirens);
  // A second thread reads, parses and maps the file while this one writes
  // the activities, in document order, batches passing through a bounded
  // queue (memory stays bounded by a few batches of activities).
  const Mapper mapper(options, lists);
  ActivityQueue queue;
  Result<iati::ReadSummary> read = iati::ReadSummary{};
  std::thread reader([&] {
    std::vector<MappedActivity> batch;
    bool stopped = false;  // the import stopped at an error
    read = iati::ReadFile(options.file, {},
                          [&](const iati::Element& activity, bool) {
                            if (stopped) return;
                            batch.push_back(mapper.Map(activity));
                            if (batch.size() < ActivityQueue::kBatch) return;
                            stopped = !queue.Push(std::move(batch));
                            batch = queue.TakeSpent();
                          });
    if (!stopped && !batch.empty()) queue.Push(std::move(batch));
    queue.Close();
  });
  // However this thread leaves (an exception included), the reader is
  // stopped and joined first.
  struct Joined {
    ActivityQueue* queue;
    std::thread* thread;
    ~Joined() {
      queue->Stop();
      thread->join();
    }
  };
  Status failed;
  {
    const Joined joined{&queue, &reader};
    for (std::vector<MappedActivity> batch; queue.Pop(&batch);) {
      for (MappedActivity& activity : batch) {
        failed = importer.Activity(activity);
        if (!failed.ok()) break;
      }
      if (!failed.ok()) break;
      queue.Recycle(std::move(batch));
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(iati::ReadSummary summary, std::move(read));
  if (summary.fatal || summary.root != "iati-activities") {
    std::string why = summary.root.empty() || summary.root == "iati-activities"
                          ? "not an IATI activity file"
                          : "the root element is <" + summary.root +
                                ">, not <iati-activities>";
    for (const auto& m : summary.messages) {
      if (m.severity == "error") {
        why = options.file + ":" + std::to_string(m.line) + ": " + m.text;
        break;
      }
    }
    return Status::InvalidArgument(why + "; nothing imported");
  }
  if (!failed.ok()) {
    return failed.WithContext(options.file + ": nothing imported");
  }
  COOPATLAS_RETURN_IF_ERROR(
      importing::Finish(writer.get(), run, &report, start));
  return report;
}

}  // namespace coopatlas
