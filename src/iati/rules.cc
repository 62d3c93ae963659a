#include "iati/rules.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <utility>

namespace coopatlas::iati {
namespace {

class Checker {
 public:
  Checker(const Element& a, const RuleOptions& o, std::vector<Message>* out)
      : a_(a), o_(o), out_(out), id_(ActivityIdentifier(a)) {
    // The activity's children by name, in document order within a name:
    // one vector, kept from activity to activity (no allocation per
    // activity once it has grown).
    static thread_local std::vector<const Element*> kids;
    kids.clear();
    for (const auto& c : a.children) kids.push_back(&c);
    // Children sit in one vector: their addresses are in document order.
    std::sort(kids.begin(), kids.end(), [](const Element* x, const Element* y) {
      const int c = NameOrder(x->name, y->name);
      return c < 0 || (c == 0 && std::less<>()(x, y));
    });
    kids_ = kids;
  }

  void Run() {
    Identifiers();
    Sectors();
    Countries();
    Language();
    Narratives();
    Dates();
    Organisations();
    PolicyMarkers();
    Budgets();
    Currency();
    Results();
    AidTypes();
    if (o_.codelists != nullptr) CodelistChecks();
  }

 private:
  // The activity's children named `name` (grouped once per activity).
  std::span<const Element* const> Kids(std::string_view name) const {
    const auto range = std::equal_range(
        kids_.begin(), kids_.end(), name, [](const auto& x, const auto& y) {
          return NameOrder(NameOf(x), NameOf(y)) < 0;
        });
    return {range.first, range.second};
  }
  // The order of the grouped children: by length, then bytes (most
  // comparisons end at the length).
  static int NameOrder(std::string_view x, std::string_view y) {
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    return x.compare(y);
  }
  static std::string_view NameOf(std::string_view name) { return name; }
  static std::string_view NameOf(const Element* e) { return e->name; }

  // Calls f(child) for each child of `e` named `name`, in order (no
  // vector made, unlike Element::Children).
  template <typename F>
  static void ForEach(const Element& e, std::string_view name, F f) {
    for (const auto& c : e.children) {
      if (c.name == name) f(c);
    }
  }

  void Emit(const char* rule, const char* severity, int line,
            std::string text) {
    out_->push_back({rule, severity, id_, line, std::move(text)});
  }
  void Error(const char* rule, int line, std::string text) {
    Emit(rule, "error", line, std::move(text));
  }
  void Warning(const char* rule, int line, std::string text) {
    Emit(rule, "warning", line, std::move(text));
  }

  static std::optional<double> Number(const std::string* s) {
    if (s == nullptr || s->empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s->c_str(), &end);
    if (end == s->c_str()) return std::nullopt;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') ++end;
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
  }
  static std::string Vocabulary(const Element& e) {
    const std::string* v = e.Attr("vocabulary");
    return v == nullptr || v->empty() ? "1" : *v;
  }
  static bool HasSpaces(const std::string& s) {
    return !s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) ||
                          std::isspace(static_cast<unsigned char>(s.back())));
  }
  static bool BadSymbols(const std::string& s) {
    return s.find_first_of("/&|?") != std::string::npos;
  }
  // The date part (YYYY-MM-DD) of an xsd:date or dateTime, or "".
  static std::string Day(const std::string* s) {
    if (s == nullptr || s->size() < 10) return {};
    return s->substr(0, 10);
  }
  // Days since 1970-01-01 of a YYYY-MM-DD date (civil calendar).
  static std::optional<long> DayNumber(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
    const int y0 = std::atoi(d.substr(0, 4).c_str());
    const unsigned m = static_cast<unsigned>(std::atoi(d.substr(5, 2).c_str()));
    const unsigned dd =
        static_cast<unsigned>(std::atoi(d.substr(8, 2).c_str()));
    if (m < 1 || m > 12 || dd < 1 || dd > 31) return std::nullopt;
    const int y = y0 - (m <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
  }
  bool Future(const std::string& day) const {
    return !o_.today.empty() && !day.empty() && day > o_.today;
  }

  void NoSpaces(const char* rule, const std::string* v, int line,
                const char* what) {
    if (v != nullptr && HasSpaces(*v)) {
      Warning(rule, line,
              fmt::format("{} '{}' starts or ends with spaces", what, *v));
    }
  }
  void NoSymbols(const char* rule, const std::string* v, int line,
                 const char* what) {
    if (v != nullptr && BadSymbols(*v)) {
      Warning(rule, line,
              fmt::format("{} '{}' contains one of / & | ?", what, *v));
    }
  }

  void Identifiers() {
    const Element* ide = a_.Child("iati-identifier");
    const Element* rep = a_.Child("reporting-org");
    const int line = ide != nullptr ? ide->line : a_.line;
    const std::string raw = ide != nullptr ? ide->text : std::string();
    const std::string* ref = rep != nullptr ? rep->Attr("ref") : nullptr;
    if (ref != nullptr && !id_.empty() && *ref == id_) {
      Error("1.1.3", line,
            "the activity identifier is the reporting organisation's "
            "identifier");
    }
    if (ref != nullptr && !id_.empty()) {
      bool prefixed = id_.rfind(*ref + "-", 0) == 0;
      for (const Element* other : Kids("other-identifier")) {
        const std::string* r = other->Attr("ref");
        if (other->AttrOr("type") == "B1" && r != nullptr &&
            id_.rfind(*r + "-", 0) == 0) {
          prefixed = true;
        }
      }
      if (!prefixed) {
        Warning("1.1.21", line,
                fmt::format("the identifier '{}' does not begin with the "
                            "reporting organisation's identifier '{}-'",
                            id_, *ref));
      }
    }
    if (HasSpaces(raw)) {
      Warning("1.3.1", line, "the iati-identifier starts or ends with spaces");
    }
    if (BadSymbols(id_)) {
      Warning("1.3.13", line,
              fmt::format("the identifier '{}' contains one of / & | ?", id_));
    }
    if (rep != nullptr) {
      NoSpaces("1.14.1", ref, rep->line, "reporting-org/@ref");
      NoSymbols("1.14.13", ref, rep->line, "reporting-org/@ref");
    }
    for (const Element* other : Kids("other-identifier")) {
      if (other->AttrOr("type") == "A3") {
        NoSpaces("1.6.1", other->Attr("ref"), other->line,
                 "other-identifier/@ref");
      }
      if (other->AttrOr("type") == "B1") {
        NoSpaces("1.16.1", other->Attr("ref"), other->line,
                 "other-identifier/@ref");
      }
      if (const Element* owner = other->Child("owner-org")) {
        NoSpaces("1.11.1", owner->Attr("ref"), owner->line, "owner-org/@ref");
        NoSymbols("1.11.13", owner->Attr("ref"), owner->line, "owner-org/@ref");
        if (owner->Attr("ref") == nullptr && !owner->Child("narrative")) {
          Error("6.8.1", owner->line,
                "the owner organisation has neither an identifier nor a "
                "narrative");
        }
      }
    }
    for (const Element* rel : Kids("related-activity")) {
      NoSpaces("1.7.1", rel->Attr("ref"), rel->line, "related-activity/@ref");
    }
  }

  // Sectors of one vocabulary: every one with a percentage when several,
  // the percentages adding up to 100, a single one at 100 or without.
  void Sectors() {
    std::map<std::string, std::vector<const Element*>> by_vocab;
    const auto sectors = Kids("sector");
    for (const Element* s : sectors) by_vocab[Vocabulary(*s)].push_back(s);
    for (const auto& [vocab, list] : by_vocab) {
      int with_pct = 0;
      double sum = 0;
      for (const Element* s : list) {
        const auto p = Number(s->Attr("percentage"));
        if (s->Attr("percentage") != nullptr) ++with_pct;
        if (p) {
          sum += *p;
          if (*p < 0 || *p > 100) {
            Error("12.3.1", s->line,
                  fmt::format("sector percentage {} is not between 0 and 100",
                              *p));
          }
        }
      }
      const int line = list.front()->line;
      if (list.size() > 1 && with_pct != static_cast<int>(list.size())) {
        Error("2.1.1", line,
              fmt::format("{} sectors of vocabulary {}, {} with a percentage",
                          list.size(), vocab, with_pct));
      }
      if (list.size() > 1 && std::fabs(sum - 100) > 1e-6) {
        Error("2.1.2", line,
              fmt::format("the percentages of the vocabulary-{} sectors add "
                          "up to {}, not 100",
                          vocab, sum));
      }
      if (list.size() == 1 && with_pct == 1) {
        const auto p = Number(list.front()->Attr("percentage"));
        if (!p || std::fabs(*p - 100) > 1e-6) {
          Error("2.1.4", line,
                "a single sector of a vocabulary has a percentage other than "
                "100");
        }
      }
      if (vocab == "98" || vocab == "99") {
        for (const Element* s : list) {
          if (!s->Child("narrative")) {
            Error("2.2.1", s->line,
                  "a reporting-organisation sector code (vocabulary 98/99) "
                  "needs a narrative");
          }
        }
      }
    }
    std::size_t transactions_with = 0;
    const auto transactions = Kids("transaction");
    for (const Element* t : transactions) {
      if (t->Child("sector")) ++transactions_with;
    }
    if (sectors.empty() && transactions_with == 0) {
      Error("6.2.2", a_.line,
            "no sector, neither for the activity nor for its transactions");
    }
    if (!sectors.empty() && transactions_with > 0) {
      Error("6.6.2", a_.line,
            "sectors are declared both for the activity and for "
            "transactions");
    }
    if (transactions_with > 0 && transactions_with < transactions.size()) {
      Error("6.7.2", a_.line,
            fmt::format("{} of {} transactions declare a sector: all must",
                        transactions_with, transactions.size()));
    }
    if (!sectors.empty() && by_vocab.count("1") == 0) {
      Warning("102.1.1", sectors.front()->line,
              "no OECD DAC sector (vocabulary 1) beside the other "
              "vocabularies");
    }
  }

  void Countries() {
    const auto countries = Kids("recipient-country");
    const auto regions = Kids("recipient-region");
    double country_sum = 0;
    int country_pct = 0;
    for (const Element* c : countries) {
      const auto p = Number(c->Attr("percentage"));
      if (c->Attr("percentage") != nullptr) ++country_pct;
      if (p) {
        country_sum += *p;
        if (*p < 0 || *p > 100) {
          Error("12.1.1", c->line,
                fmt::format("country percentage {} is not between 0 and 100",
                            *p));
        }
      }
    }
    if (regions.empty() && countries.size() > 1) {
      const int line = countries.front()->line;
      if (country_pct != static_cast<int>(countries.size())) {
        Error("3.1.1", line,
              fmt::format("{} recipient countries, {} with a percentage",
                          countries.size(), country_pct));
      }
      if (std::fabs(country_sum - 100) > 1e-6) {
        Error("3.1.2", line,
              fmt::format("the recipient-country percentages add up to {}, "
                          "not 100",
                          country_sum));
      }
    }
    if (regions.empty() && countries.size() == 1 && country_pct == 1) {
      const auto p = Number(countries.front()->Attr("percentage"));
      if (!p || std::fabs(*p - 100) > 1e-6) {
        Error("3.1.4", countries.front()->line,
              "a single recipient country has a percentage other than 100");
      }
    }
    std::map<std::string, std::vector<const Element*>> by_vocab;
    for (const Element* r : regions) by_vocab[Vocabulary(*r)].push_back(r);
    for (const auto& [vocab, list] : by_vocab) {
      int with_pct = 0;
      double sum = country_sum;
      for (const Element* r : list) {
        if (r->Attr("percentage") != nullptr) ++with_pct;
        if (const auto p = Number(r->Attr("percentage"))) {
          sum += *p;
          if (*p < 0 || *p > 100) {
            Error("12.1.1", r->line,
                  fmt::format("region percentage {} is not between 0 and 100",
                              *p));
          }
        }
      }
      if (list.size() > 1 && with_pct != static_cast<int>(list.size())) {
        Error("3.4.1", list.front()->line,
              fmt::format("{} recipient regions of vocabulary {}, {} with a "
                          "percentage",
                          list.size(), vocab, with_pct));
      }
      if (list.size() + countries.size() > 1 && std::fabs(sum - 100) > 1e-6) {
        Error("3.4.2", list.front()->line,
              fmt::format("the percentages of the recipient countries and "
                          "vocabulary-{} regions add up to {}, not 100",
                          vocab, sum));
      }
      if (list.size() == 1 && countries.empty() && with_pct == 1) {
        const auto p = Number(list.front()->Attr("percentage"));
        if (!p || std::fabs(*p - 100) > 1e-6) {
          Error("3.4.4", list.front()->line,
                "a single recipient region has a percentage other than 100");
        }
      }
    }
    const auto transactions = Kids("transaction");
    std::size_t located = 0;
    for (const Element* t : transactions) {
      if (t->Child("recipient-country") || t->Child("recipient-region")) {
        ++located;
      }
    }
    const bool activity_level = !countries.empty() || !regions.empty();
    if (activity_level && located > 0) {
      Error("3.6.2", a_.line,
            "recipient countries or regions are declared both for the "
            "activity and for transactions");
    }
    if (!activity_level && located == 0) {
      Error("3.7.1", a_.line,
            "no recipient country or region, neither for the activity nor "
            "for its transactions");
    }
    if (!activity_level && located > 0 && located < transactions.size()) {
      Error("3.7.2", a_.line,
            "some transactions have no recipient country or region");
    }
  }

  // Every narrative element below `e` (depth first).
  static void CollectNarratives(const Element& e,
                                std::vector<const Element*>* out) {
    for (const auto& c : e.children) {
      if (c.name == "narrative") out->push_back(&c);
      CollectNarratives(c, out);
    }
  }

  void Language() {
    if (a_.Attr("xml:lang") != nullptr) return;
    std::vector<const Element*> narratives;
    CollectNarratives(a_, &narratives);
    for (const Element* n : narratives) {
      if (n->Attr("xml:lang") == nullptr) {
        Error("4.1.1", n->line,
              "no default language (iati-activity/@xml:lang) and a narrative "
              "without xml:lang");
        return;
      }
    }
  }

  static bool HasNarrativeText(const Element& e) {
    for (const auto& n : e.children) {
      if (n.name == "narrative" &&
          n.text.find_first_not_of(" \t\r\n") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  void Narratives() {
    for (const Element* t : Kids("title")) {
      if (!HasNarrativeText(*t)) {
        Error("4.3.1", t->line, "the title has no narrative text");
      }
    }
    for (const Element* d : Kids("description")) {
      if (!HasNarrativeText(*d)) {
        Error("4.4.1", d->line, "the description has no narrative text");
      }
    }
  }

  void Dates() {
    // The first date of each type 1 to 4 (the only types read).
    const Element* dates[4] = {nullptr, nullptr, nullptr, nullptr};
    for (const Element* d : Kids("activity-date")) {
      const std::string* type = d->Attr("type");
      if (type != nullptr && type->size() == 1 && (*type)[0] >= '1' &&
          (*type)[0] <= '4' && dates[(*type)[0] - '1'] == nullptr) {
        dates[(*type)[0] - '1'] = d;
      }
    }
    auto find = [&](const char* type) { return dates[type[0] - '1']; };
    if (find("1") == nullptr && find("2") == nullptr) {
      Error("6.11.1", a_.line,
            "neither a planned start date (type 1) nor an actual start date "
            "(type 2)");
    }
    auto day = [&](const char* type) {
      const Element* d = find(type);
      return d == nullptr ? std::string() : Day(d->Attr("iso-date"));
    };
    auto line = [&](const char* type) {
      const Element* d = find(type);
      return d == nullptr ? a_.line : d->line;
    };
    if (!day("1").empty() && !day("3").empty() && day("1") > day("3")) {
      Error("11.1.2", line("1"),
            fmt::format("the planned start {} is after the planned end {}",
                        day("1"), day("3")));
    }
    if (!day("2").empty() && !day("4").empty() && day("2") > day("4")) {
      Error("11.1.3", line("2"),
            fmt::format("the actual start {} is after the actual end {}",
                        day("2"), day("4")));
    }
    if (Future(day("2"))) {
      Error("11.1.4", line("2"),
            fmt::format("the actual start {} is in the future", day("2")));
    }
    if (Future(day("4"))) {
      Error("11.1.5", line("4"),
            fmt::format("the actual end {} is in the future", day("4")));
    }
    const std::string updated = Day(a_.Attr("last-updated-datetime"));
    if (Future(updated)) {
      Error("11.1.1", a_.line,
            fmt::format("last-updated-datetime {} is in the future", updated));
    }
    for (const Element* t : Kids("transaction")) {
      if (const Element* d = t->Child("transaction-date")) {
        const std::string when = Day(d->Attr("iso-date"));
        if (Future(when)) {
          Error("11.2.1", d->line,
                fmt::format("the transaction date {} is in the future", when));
        }
      }
      if (const Element* v = t->Child("value")) {
        const std::string when = Day(v->Attr("value-date"));
        if (Future(when)) {
          Error("11.2.2", v->line,
                fmt::format("the transaction value date {} is in the future",
                            when));
        }
      }
    }
  }

  void OrgRef(const Element& org, const char* spaces_rule,
              const char* symbols_rule, const char* what) {
    NoSpaces(spaces_rule, org.Attr("ref"), org.line, what);
    NoSymbols(symbols_rule, org.Attr("ref"), org.line, what);
  }

  void Organisations() {
    for (const Element* p : Kids("participating-org")) {
      OrgRef(*p, "1.8.1", "1.8.13", "participating-org/@ref");
      NoSpaces("1.9.1", p->Attr("activity-id"), p->line,
               "participating-org/@activity-id");
      if (p->Attr("ref") == nullptr && !p->Child("narrative")) {
        Error("6.10.1", p->line,
              "a participating organisation has neither an identifier nor a "
              "narrative");
      }
    }
    const auto transactions = Kids("transaction");
    std::vector<const Element*> flows(transactions.begin(), transactions.end());
    for (const Element* pd : Kids("planned-disbursement")) {
      flows.push_back(pd);
    }
    for (const Element* t : flows) {
      if (const Element* p = t->Child("provider-org")) {
        OrgRef(*p, "1.10.1", "1.10.13", "provider-org/@ref");
        NoSpaces("1.4.1", p->Attr("provider-activity-id"), p->line,
                 "provider-org/@provider-activity-id");
        if (p->Attr("ref") == nullptr && !p->Child("narrative")) {
          Error("6.9.1", p->line,
                "the provider organisation has neither an identifier nor a "
                "narrative");
        }
      }
      if (const Element* r = t->Child("receiver-org")) {
        OrgRef(*r, "1.15.1", "1.15.13", "receiver-org/@ref");
        NoSpaces("1.5.1", r->Attr("receiver-activity-id"), r->line,
                 "receiver-org/@receiver-activity-id");
        if (r->Attr("ref") == nullptr && !r->Child("narrative")) {
          Error("6.9.2", r->line,
                "the receiver organisation has neither an identifier nor a "
                "narrative");
        }
      }
    }
  }

  void PolicyMarkers() {
    for (const Element* p : Kids("policy-marker")) {
      const std::string vocab = Vocabulary(*p);
      if (vocab == "99" && !p->Child("narrative")) {
        Error("6.13.1", p->line,
              "a reporting-organisation policy marker (vocabulary 99) needs a "
              "narrative");
      }
      if (vocab == "1" && p->Attr("significance") == nullptr) {
        Error("6.14.1", p->line,
              fmt::format("the vocabulary-1 policy marker {} has no "
                          "significance",
                          p->AttrOr("code")));
      }
    }
  }

  void Period(const Element& e, bool limit_year) {
    const Element* s = e.Child("period-start");
    const Element* f = e.Child("period-end");
    if (s == nullptr || f == nullptr) return;
    const std::string start = Day(s->Attr("iso-date"));
    const std::string end = Day(f->Attr("iso-date"));
    if (start.empty() || end.empty()) return;
    if (start > end) {
      Error(e.name == "period" ? "8.6.1" : "8.6.3", e.line,
            fmt::format("the period starts {} after it ends {}", start, end));
      return;
    }
    const auto a = DayNumber(start);
    const auto b = DayNumber(end);
    if (limit_year && a && b && *b - *a > 365) {
      Error("7.5.3", e.line,
            fmt::format("the budget period {} to {} is longer than a year",
                        start, end));
    }
  }

  void Budgets() {
    for (const Element* b : Kids("budget")) Period(*b, true);
    for (const Element* p : Kids("planned-disbursement")) {
      Period(*p, false);
    }
  }

  void Currency() {
    if (a_.Attr("default-currency") != nullptr) return;
    auto check = [&](const Element* holder) {
      const Element* v = holder->Child("value");
      if (v != nullptr && v->Attr("currency") == nullptr) {
        Error("7.8.1", v->line,
              "no default currency (iati-activity/@default-currency) and a "
              "value without currency");
        return false;
      }
      return true;
    };
    for (const char* kind : {"budget", "planned-disbursement", "transaction"}) {
      for (const Element* h : Kids(kind)) {
        if (!check(h)) return;
      }
    }
  }

  void ResultValue(const Element& e, const std::string& measure,
                   const char* required, const char* numeric,
                   const char* omitted) {
    const std::string* v = e.Attr("value");
    const bool quantitative =
        measure == "1" || measure == "2" || measure == "3" || measure == "4";
    if (quantitative && v == nullptr) {
      Error(required, e.line,
            fmt::format("<{}> has no @value for a non-qualitative measure",
                        e.name));
    } else if (quantitative && !Number(v)) {
      Warning(numeric, e.line,
              fmt::format("<{}> value '{}' is not a number", e.name, *v));
    } else if (measure == "5" && v != nullptr) {
      Warning(
          omitted, e.line,
          fmt::format("<{}> has a @value for a qualitative measure", e.name));
    }
  }

  void Results() {
    for (const Element* r : Kids("result")) {
      const bool result_ref = r->Child("reference") != nullptr;
      for (const Element* ind : r->Children("indicator")) {
        const std::string measure = ind->AttrOr("measure");
        if (result_ref && ind->Child("reference")) {
          Error("8.11.1", ind->line,
                "a reference is declared both for the result and for the "
                "indicator");
        }
        for (const Element* b : ind->Children("baseline")) {
          ResultValue(*b, measure, "8.8.1", "8.8.2", "8.8.3");
        }
        for (const Element* p : ind->Children("period")) {
          Period(*p, false);
          for (const Element* t : p->Children("target")) {
            ResultValue(*t, measure, "8.9.1", "8.9.2", "8.9.3");
          }
          for (const Element* t : p->Children("actual")) {
            ResultValue(*t, measure, "8.10.1", "8.10.2", "8.10.3");
          }
        }
      }
    }
  }

  void AidTypes() {
    std::map<std::string, int> defaults;
    for (const Element* d : Kids("default-aid-type")) {
      ++defaults[Vocabulary(*d)];
    }
    if (!defaults.empty() && defaults.count("1") == 0) {
      Warning("107.1.1", a_.line,
              "no OECD DAC default aid type (vocabulary 1) beside the other "
              "vocabularies");
    }
    for (const auto& [vocab, n] : defaults) {
      if (n > 1) {
        Warning("107.1.2", a_.line,
                fmt::format("{} default aid types of vocabulary {}", n, vocab));
      }
    }
    for (const Element* t : Kids("transaction")) {
      std::map<std::string, int> types;
      for (const Element* d : t->Children("aid-type")) ++types[Vocabulary(*d)];
      if (!types.empty() && types.count("1") == 0) {
        Warning("107.2.1", t->line,
                "no OECD DAC aid type (vocabulary 1) in the transaction");
      }
      for (const auto& [vocab, n] : types) {
        if (n > 1) {
          Warning("107.2.2", t->line,
                  fmt::format("{} aid types of vocabulary {} in one "
                              "transaction",
                              n, vocab));
        }
      }
    }
  }

  // --- codelists ---------------------------------------------------------

  void Code(const char* list, const Element& e, const char* attr) {
    CodeOf(list, e, attr, e.Attr(attr));
  }
  // As Code, given the attribute's value (nullptr: absent).
  void CodeOf(const char* list, const Element& e, const char* attr,
              const std::string* v) {
    if (v == nullptr) return;
    if (!o_.codelists->Contains(list, *v)) {
      out_->push_back({std::string("codelist:") + list, "error", id_, e.line,
                       fmt::format("{}/@{} '{}' is not in the {} codelist",
                                   e.name, attr, *v, list)});
    }
  }
  void ChildCode(const Element& parent, const char* child, const char* list) {
    ForEach(parent, child, [&](const Element& c) { Code(list, c, "code"); });
  }
  void Languages(const Element& e) {
    for (const auto& [k, v] : e.attrs) {
      if (k == "xml:lang") {
        CodeOf("Language", e, "xml:lang", &v);
        break;
      }
    }
    for (const auto& c : e.children) Languages(c);
  }
  void Currencies(const Element& e) {
    // One pass over the attributes; @currency's finding before
    // @default-currency's, as they were checked.
    const std::string* currency = nullptr;
    const std::string* default_currency = nullptr;
    for (const auto& [k, v] : e.attrs) {
      if (currency == nullptr && k == "currency") currency = &v;
      if (default_currency == nullptr && k == "default-currency") {
        default_currency = &v;
      }
    }
    CodeOf("Currency", e, "currency", currency);
    CodeOf("Currency", e, "default-currency", default_currency);
    for (const auto& c : e.children) Currencies(c);
  }
  void Flows(const Element& e) {
    ChildCode(e, "finance-type", "FinanceType");
    ChildCode(e, "flow-type", "FlowType");
    ChildCode(e, "tied-status", "TiedStatus");
    ForEach(e, "aid-type", [&](const Element& t) {
      if (Vocabulary(t) == "1") Code("AidType", t, "code");
    });
  }

  void CodelistChecks() {
    Languages(a_);
    Currencies(a_);
    if (const Element* r = a_.Child("reporting-org")) {
      Code("OrganisationType", *r, "type");
    }
    for (const Element* p : Kids("participating-org")) {
      Code("OrganisationRole", *p, "role");
      Code("OrganisationType", *p, "type");
      Code("CRSChannelCode", *p, "crs-channel-code");
    }
    for (const Element* d : Kids("description")) {
      Code("DescriptionType", *d, "type");
    }
    ChildCode(a_, "activity-status", "ActivityStatus");
    ChildCode(a_, "activity-scope", "ActivityScope");
    for (const Element* d : Kids("activity-date")) {
      Code("ActivityDateType", *d, "type");
    }
    for (const Element* c : Kids("recipient-country")) {
      Code("Country", *c, "code");
    }
    for (const Element* r : Kids("recipient-region")) {
      if (Vocabulary(*r) == "1") Code("Region", *r, "code");
    }
    for (const Element* s : Kids("sector")) {
      Code("SectorVocabulary", *s, "vocabulary");
      const std::string vocab = Vocabulary(*s);
      if (vocab == "1") Code("Sector", *s, "code");
      if (vocab == "2") Code("SectorCategory", *s, "code");
      if (vocab == "7") Code("UNSDG-Goals", *s, "code");
      if (vocab == "8") Code("UNSDG-Targets", *s, "code");
    }
    for (const Element* t : Kids("tag")) {
      const std::string vocab = t->AttrOr("vocabulary");
      if (vocab == "2") Code("UNSDG-Goals", *t, "code");
      if (vocab == "3") Code("UNSDG-Targets", *t, "code");
    }
    for (const Element* p : Kids("policy-marker")) {
      if (Vocabulary(*p) == "1") {
        Code("PolicyMarker", *p, "code");
        Code("PolicySignificance", *p, "significance");
      }
    }
    ChildCode(a_, "collaboration-type", "CollaborationType");
    ChildCode(a_, "default-flow-type", "FlowType");
    ChildCode(a_, "default-finance-type", "FinanceType");
    ChildCode(a_, "default-tied-status", "TiedStatus");
    for (const Element* t : Kids("default-aid-type")) {
      if (Vocabulary(*t) == "1") Code("AidType", *t, "code");
    }
    for (const Element* b : Kids("budget")) {
      Code("BudgetType", *b, "type");
      Code("BudgetStatus", *b, "status");
    }
    for (const Element* t : Kids("transaction")) {
      ChildCode(*t, "transaction-type", "TransactionType");
      ForEach(*t, "sector", [&](const Element& s) {
        if (Vocabulary(s) == "1") Code("Sector", s, "code");
      });
      ForEach(*t, "recipient-country",
              [&](const Element& c) { Code("Country", c, "code"); });
      for (const char* org : {"provider-org", "receiver-org"}) {
        if (const Element* o = t->Child(org)) {
          Code("OrganisationType", *o, "type");
        }
      }
      Flows(*t);
    }
    for (const Element* l : Kids("location")) {
      ChildCode(*l, "exactness", "GeographicExactness");
      ChildCode(*l, "location-class", "GeographicLocationClass");
      ChildCode(*l, "feature-designation", "LocationType");
      ForEach(*l, "location-id", [&](const Element& id) {
        Code("GeographicVocabulary", id, "vocabulary");
      });
    }
    for (const Element* d : Kids("document-link")) {
      ChildCode(*d, "category", "DocumentCategory");
    }
  }

  const Element& a_;
  std::span<const Element* const> kids_;
  const RuleOptions& o_;
  std::vector<Message>* out_;
  std::string id_;
};

}  // namespace

void CheckActivity(const Element& activity, const RuleOptions& options,
                   std::vector<Message>* out) {
  Checker(activity, options, out).Run();
}

}  // namespace coopatlas::iati
