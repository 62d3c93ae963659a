// IATI 2.03: validation, export and import of projects (docs/iati.md).
// The XML work is in src/iati; here: records in, records out.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/file.h"
#include "core/time.h"
#include "iati/activity.h"
#include "iati/reader.h"
#include "iati/validate.h"
#include "registry/import_common.h"
#include "registry/registry_impl.h"
#include "store/records.h"
#include "store/reference_tables.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {

Result<iati::Codelists> ReadIatiCodelists(store::Db* db) {
  iati::Codelists lists;
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement s, db->Prepare("SELECT list, code FROM ref_codelist"));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    lists.Add(s.ColumnText(0), s.ColumnText(1));
  }
  return lists;
}

namespace {

std::string SchemaDir() {
  return DefaultReferenceRoot() + "/third_party/iati-schemas-2.03";
}

std::string Today(const std::string& given) {
  return given.empty() ? core::NowUtcIso().substr(0, 10) : given;
}

Result<iati::Codelists> LoadCodelists(store::Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(iati::Codelists lists, ReadIatiCodelists(db));
  if (lists.empty()) {
    return Status::FailedPrecondition(
        "no IATI codelists in the database (run `coopatlas init`)");
  }
  return lists;
}

IatiValidation ToPublic(iati::ValidationReport r) {
  IatiValidation v;
  v.file = r.file;
  v.root = r.root;
  v.version = r.version;
  v.bytes = r.bytes;
  v.activities = r.activities;
  v.errors = r.errors;
  v.warnings = r.warnings;
  v.suppressed = r.suppressed;
  v.schema_valid = r.schema_valid;
  v.fatal = r.fatal;
  v.seconds = r.seconds;
  v.messages.reserve(r.messages.size());
  for (auto& m : r.messages) {
    v.messages.push_back({std::move(m.rule), std::move(m.severity),
                          std::move(m.activity), m.line, std::move(m.text)});
  }
  return v;
}

// "1234.5" euros from cents, at most two decimals, no exponent.
std::string Euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t v = negative ? -cents : cents;
  std::string s = (negative ? "-" : "") + std::to_string(v / 100);
  const std::int64_t rest = v % 100;
  if (rest != 0) {
    s += '.';
    s += static_cast<char>('0' + rest / 10);
    if (rest % 10 != 0) s += static_cast<char>('0' + rest % 10);
  }
  return s;
}

// An identifier part without the characters IATI forbids (/ & | ? and
// spaces become '-').
std::string IdentifierPart(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '/' || c == '&' || c == '|' || c == '?' || c == ' ' || c == '\t') {
      c = '-';
    }
  }
  return out;
}

std::string DefaultPrefix(const std::string& publisher) {
  const auto dash = publisher.rfind('-');
  return dash == std::string::npos ? publisher : publisher.substr(0, dash);
}

bool IsSiren(const std::string& s) {
  return s.size() == 9 &&
         s.find_first_not_of("0123456789") == std::string::npos;
}

// SIREN of the communes (INSEE code -> SIREN) from the reference data.
Result<std::map<std::string, std::string>> SirenByCommune(store::Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(auto pairs, store::CommuneSirens(db));
  return std::map<std::string, std::string>(pairs.begin(), pairs.end());
}

std::string StatusCode(const std::string& status) {
  if (status == "planned") return "1";
  if (status == "ongoing") return "2";
  if (status == "completed") return "4";
  if (status == "cancelled") return "5";
  if (status == "suspended") return "6";
  return "2";
}

bool IsDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-';
}

// Writes the export's activities from the projects.
class ActivityBuilder {
 public:
  ActivityBuilder(const IatiExportOptions& o, std::string prefix,
                  std::string reporting_name, std::string reporting_code,
                  const std::map<std::string, std::string>& sirens,
                  std::string today)
      : o_(o),
        prefix_(std::move(prefix)),
        reporting_name_(std::move(reporting_name)),
        reporting_code_(std::move(reporting_code)),
        sirens_(sirens),
        today_(std::move(today)) {}

  iati::Activity Build(const Project& p) const {
    iati::Activity a;
    a.identifier = p.ref.rfind(o_.publisher + "-", 0) == 0
                       ? IdentifierPart(p.ref)
                       : o_.publisher + "-" + IdentifierPart(p.ref);
    a.reporting.ref = o_.publisher;
    a.reporting.type = "11";
    a.reporting.names = {{"", reporting_name_}};
    a.title = {{"", p.title_fr}};
    if (!p.title_en.empty()) a.title.push_back({"en", p.title_en});
    if (!p.description_fr.empty()) {
      a.description.push_back({"", p.description_fr});
    }
    if (!p.description_en.empty()) {
      a.description.push_back({"en", p.description_en});
    }
    for (const Participant& pa : p.participants) {
      iati::Org org = Organisation(pa.authority, pa.actor);
      org.role = std::to_string(
          pa.iati_role >= 1 && pa.iati_role <= 4 ? pa.iati_role : 4);
      a.participants.push_back(std::move(org));
    }
    a.status = StatusCode(p.status);
    const bool begun = p.status == "ongoing" || p.status == "completed" ||
                       p.status == "suspended";
    if (IsDate(p.started_on)) {
      a.dates.push_back(
          {begun && p.started_on <= today_ ? "2" : "1", p.started_on});
    }
    if (IsDate(p.ended_on)) {
      a.dates.push_back(
          {p.status == "completed" && p.ended_on <= today_ ? "4" : "3",
           p.ended_on});
    }
    Countries(p, &a);
    for (const ProjectLocation& l : p.locations) {
      if (l.name.empty() && !l.lat) continue;
      iati::Location loc;
      loc.name = l.name;
      if (l.lat && l.lng) loc.point = std::make_pair(*l.lat, *l.lng);
      a.locations.push_back(std::move(loc));
    }
    Sectors(p, &a);
    Funding(p, &a);
    return a;
  }

 private:
  iati::Org Organisation(const std::optional<AuthorityRef>& authority,
                         const std::optional<Actor>& actor) const {
    iati::Org org;
    if (authority) {
      org.type = "11";
      org.names = {{"", authority->name}};
      if (authority->country == "FR") {
        // Départements and régions have no SIREN in the reference data:
        // their kind in the name tells them from communes of the same name
        // ("Vienne (département)"), which the resolver understands.
        if (authority->kind == "departement") {
          org.names[0].text += " (département)";
        } else if (authority->kind == "region") {
          org.names[0].text += " (région)";
        }
        org.crs_channel = "11002";
        std::string siren;
        if (IsSiren(authority->code)) {
          siren = authority->code;
        } else if (auto it = sirens_.find(authority->code);
                   it != sirens_.end()) {
          siren = it->second;
        }
        if (!reporting_code_.empty() && authority->code == reporting_code_) {
          org.ref = o_.publisher;
        } else if (!siren.empty()) {
          org.ref = prefix_ + "-" + siren;
        } else if (authority->kind != "departement" &&
                   authority->kind != "region" &&
                   !authority->departement.empty()) {
          // No SIREN (some overseas communes): the département tells it
          // from homonyms ("Arue (987)"), as the resolver reads it.
          org.names[0].text += " (" + authority->departement + ")";
        }
      } else {
        org.crs_channel = "12002";
      }
    } else if (actor) {
      org.type = actor->org_type;
      org.ref = actor->iati_ref;
      org.names = {{"", actor->name}};
    }
    return org;
  }

  static void Share(std::vector<iati::Coded>* list, std::size_t from) {
    const std::size_t n = list->size() - from;
    const auto shares = iati::EqualShares(n);
    for (std::size_t i = 0; i < n; ++i) {
      (*list)[from + i].percentage = shares[i];
    }
  }

  static void Countries(const Project& p, iati::Activity* a) {
    std::vector<std::string> countries;
    auto add = [&](const std::string& c) {
      if (c.size() == 2 &&
          std::find(countries.begin(), countries.end(), c) == countries.end())
        countries.push_back(c);
    };
    for (const auto& l : p.locations) add(l.country);
    if (countries.empty()) {
      for (const auto& pa : p.participants) {
        if (pa.authority && pa.authority->country != "FR") {
          add(pa.authority->country);
        }
      }
    }
    for (const auto& c : countries) a->countries.push_back({"", c, ""});
    Share(&a->countries, 0);
  }

  static void Sectors(const Project& p, iati::Activity* a) {
    bool all = !p.dac.empty();
    for (const auto& [code, pct] : p.dac) all = all && pct.has_value();
    for (const auto& [code, pct] : p.dac) {
      a->sectors.push_back(
          {"1", code, all && p.dac.size() > 1 ? iati::Decimal(*pct) : ""});
    }
    if (!all || p.dac.size() == 1) Share(&a->sectors, 0);
    for (const char* vocab : {"7", "8"}) {
      const std::size_t from = a->sectors.size();
      for (const auto& s : p.sdgs) {
        if (s.status != "accepted") continue;
        const bool target = s.code.find('.') != std::string::npos;
        if (target == (std::string(vocab) == "8")) {
          a->sectors.push_back({vocab, s.code, ""});
        }
      }
      Share(&a->sectors, from);
    }
  }

  void Funding(const Project& p, iati::Activity* a) const {
    std::map<int, std::int64_t> planned;
    std::vector<const FundingLine*> actual;
    for (const FundingLine& f : p.funding) {
      if (f.nature == "actual") {
        actual.push_back(&f);
      } else {
        planned[f.year] += f.amount_cents;
      }
    }
    for (const auto& [year, cents] : planned) {
      iati::Budget b;
      b.start = std::to_string(year) + "-01-01";
      b.end = std::to_string(year) + "-12-31";
      b.value = Euros(cents);
      a->budgets.push_back(std::move(b));
    }
    std::sort(actual.begin(), actual.end(),
              [](const FundingLine* x, const FundingLine* y) {
                return std::tie(x->year, x->key) < std::tie(y->year, y->key);
              });
    for (const FundingLine* f : actual) {
      iati::Transaction t;
      t.ref = IdentifierPart(f->key);
      // A local authority's money is disbursed by it; another funder's
      // comes in (incoming funds) to the activity.
      t.type = f->funder_authority ? "3" : "1";
      const std::string end = std::to_string(f->year) + "-12-31";
      t.date = std::min(end, today_);
      t.value = Euros(f->amount_cents);
      t.description = f->mechanism;
      t.provider = Organisation(f->funder_authority, f->funder_actor);
      t.provider.crs_channel.clear();
      a->transactions.push_back(std::move(t));
    }
  }

  const IatiExportOptions& o_;
  std::string prefix_, reporting_name_, reporting_code_;
  const std::map<std::string, std::string>& sirens_;
  std::string today_;
};

std::string Summary(const iati::ValidationReport& r, std::size_t max) {
  std::string out;
  std::size_t n = 0;
  for (const auto& m : r.messages) {
    if (m.severity != "error") continue;
    if (n++ == max) break;
    out += "\n  " + iati::FormatMessage(r.file, m);
  }
  return out;
}

}  // namespace

Status IatiExportOptions::Validate() const {
  if (publisher.empty() && authority.empty()) {
    return Status::InvalidArgument(
        "no publisher (--publisher ORG-ID, e.g. FR-INSEE-<SIREN>, or "
        "--authority CODE)");
  }
  if (publisher.find_first_of("/&|? \t") != std::string::npos) {
    return Status::InvalidArgument("publisher '" + publisher +
                                   "' contains a space or one of / & | ?");
  }
  if (out.empty()) return Status::InvalidArgument("no output file (--out)");
  if (!today.empty() && !IsDate(today)) {
    return Status::InvalidArgument("today '" + today + "' is not YYYY-MM-DD");
  }
  return Status::Ok();
}

Result<IatiValidation> Registry::ValidateIati(const std::string& file,
                                              const std::string& today) const {
  iati::Codelists lists;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(lists, LoadCodelists(impl_->db.get()));
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      iati::ValidationReport r,
      iati::ValidateFile(file, {SchemaDir(), &lists, Today(today)}));
  return ToPublic(std::move(r));
}

Result<IatiExportReport> Registry::ExportIati(
    const IatiExportOptions& given) const {
  COOPATLAS_RETURN_IF_ERROR(given.Validate());
  IatiExportOptions options = given;
  const std::string today = Today(options.today);
  std::string reporting_name = options.publisher_name;
  std::string reporting_code;
  store::ProjectFilter filter;
  filter.country = options.country;
  filter.since = options.since;
  filter.id = options.project_id;
  filter.partnership_id = options.partnership_id;
  if (!options.authority.empty()) {
    COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                               impl_->GetResolver());
    COOPATLAS_ASSIGN_OR_RETURN(Candidate c,
                               FrenchIdentity(*resolver, options.authority));
    if (reporting_name.empty()) reporting_name = c.name;
    reporting_code = c.code;
    filter.authority_code = c.code;
    if (options.publisher.empty()) {
      // The default publisher: FR-INSEE-<SIREN> (docs/iati.md).
      std::string siren = IsSiren(c.code) ? c.code : "";
      if (siren.empty()) {
        std::lock_guard<std::mutex> lock(impl_->db_mutex);
        COOPATLAS_ASSIGN_OR_RETURN(auto sirens,
                                   SirenByCommune(impl_->db.get()));
        if (auto it = sirens.find(c.code); it != sirens.end()) {
          siren = it->second;
        }
      }
      if (siren.empty()) {
        return Status::InvalidArgument(
            "no SIREN known for " + c.name +
            ": give the publisher's identifier (--publisher)");
      }
      options.publisher = "FR-INSEE-" + siren;
    }
  }
  if (reporting_name.empty()) reporting_name = options.publisher;
  iati::Codelists lists;
  // Projects are read a batch at a time (one query per table and batch)
  // and their activities written through a buffer to a temporary file,
  // then checked: memory holds one batch, never the atlas.
  const std::string tmp = options.out + ".iati-tmp";
  std::error_code ec;
  std::int64_t bytes = 0;
  std::int64_t count = 0;
  {
    std::FILE* file = std::fopen(tmp.c_str(), "wb");
    if (file == nullptr) {
      return Status::Io("cannot write " + tmp + ": " + std::strerror(errno));
    }
    std::string buffer;
    constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
    buffer.reserve(kFlushBytes + (std::size_t{64} << 10));
    bool write_failed = false;
    auto flush = [&] {
      if (!buffer.empty() &&
          std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) {
        write_failed = true;
      }
      bytes += static_cast<std::int64_t>(buffer.size());
      buffer.clear();
    };
    Status read = Status::Ok();
    {
      std::lock_guard<std::mutex> lock(impl_->db_mutex);
      store::Db* db = impl_->db.get();
      read = [&]() -> Status {
        COOPATLAS_ASSIGN_OR_RETURN(lists, LoadCodelists(db));
        COOPATLAS_ASSIGN_OR_RETURN(auto sirens, SirenByCommune(db));
        const std::string prefix = options.id_prefix.empty()
                                       ? DefaultPrefix(options.publisher)
                                       : options.id_prefix;
        ActivityBuilder builder(options, prefix, reporting_name, reporting_code,
                                sirens, today);
        const iati::FileHeader header;
        iati::AppendDocumentStart(&buffer);
        COOPATLAS_RETURN_IF_ERROR(store::ForEachProjectBatch(
            db, filter, 500, [&](std::vector<Project>& projects) -> Status {
              for (const Project& p : projects) {
                iati::AppendActivity(header, builder.Build(p), &buffer);
                ++count;
                if (buffer.size() >= kFlushBytes) flush();
              }
              return write_failed ? Status::Io("error while writing " + tmp)
                                  : Status::Ok();
            }));
        iati::AppendDocumentEnd(&buffer);
        return Status::Ok();
      }();
    }
    if (read.ok()) flush();
    if (std::fclose(file) != 0) write_failed = true;
    if (read.ok() && write_failed) {
      read = Status::Io("error while writing " + tmp);
    }
    if (!read.ok()) {
      std::filesystem::remove(tmp, ec);
      return read;
    }
  }
  auto checked = iati::ValidateFile(tmp, {SchemaDir(), &lists, today});
  if (!checked.ok()) {
    std::filesystem::remove(tmp, ec);
    return checked.status();
  }
  checked->file = options.out;
  IatiExportReport report;
  report.out = options.out;
  report.activities = count;
  report.bytes = bytes;
  if (!checked->ok() && !options.force) {
    std::filesystem::remove(tmp, ec);
    return Status::InvalidArgument(
        std::to_string(checked->errors) + " IATI error(s) in the export; " +
        options.out +
        " not written (--force writes it anyway):" + Summary(*checked, 20));
  }
  std::filesystem::rename(tmp, options.out, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::Io("cannot write " + options.out + ": " + ec.message());
  }
  report.written = true;
  report.validation = ToPublic(std::move(*checked));
  return report;
}

Result<ExportBlob> Registry::ExportIatiBytes(
    const IatiExportOptions& options) const {
  namespace fs = std::filesystem;
  IatiExportOptions o = options;
  static std::atomic<int> counter{0};
  o.out = (fs::temp_directory_path() /
           ("coopatlas-iati-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++) + ".xml"))
              .string();
  COOPATLAS_ASSIGN_OR_RETURN(IatiExportReport report, ExportIati(o));
  auto bytes = core::ReadFile(o.out);
  std::error_code ec;
  fs::remove(o.out, ec);
  if (!bytes.ok()) return bytes.status();
  ExportBlob blob;
  blob.bytes = std::move(*bytes);
  blob.content_type = "application/xml";
  blob.filename = "coopatlas-iati.xml";
  blob.summary.projects = static_cast<std::size_t>(report.activities);
  blob.summary.bytes = blob.bytes.size();
  return blob;
}

}  // namespace coopatlas
