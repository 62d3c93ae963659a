// CSV export (RFC 4180) and the typed tables shared with the XLSX export.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "export/export_internal.h"
#include "export/tables.h"

namespace coopatlas::exporter {
namespace internal {
namespace {

// The columns of tables.h, in order.
// clang-format off
constexpr std::string_view kPartnershipColumns[] = {
    "id", "type", "statut", "date_signature", "date_debut", "date_fin",
    "collectivites_fr", "noms_fr", "partenaires", "pays_partenaires",
    "regions_partenaires", "objet", "demonstration"};
constexpr std::string_view kProjectColumns[] = {
    "id", "ref", "titre", "titre_en", "statut", "date_debut", "date_fin",
    "partenariat_id", "themes", "odd", "cad", "pays", "participants",
    "budget_total_eur", "demonstration"};
constexpr std::string_view kFundingColumns[] = {
    "projet_ref", "cle", "financeur", "type_financeur", "mecanisme", "annee",
    "nature", "montant_eur", "devise", "montant_origine", "taux", "date_taux",
    "demonstration"};
// clang-format on

Cell Text(std::string text) {
  return Cell{CellKind::kText, std::move(text), 0};
}

Cell Integer(std::optional<std::int64_t> value) {
  if (!value) return Text("");
  return Cell{CellKind::kInteger, "", *value};
}

Cell Cents(std::optional<std::int64_t> cents) {
  if (!cents) return Text("");
  return Cell{CellKind::kCents, "", *cents};
}

// A date column: typed when the text is an ISO date, else kept as text
// (partial dates such as "2019" stay readable).
Cell Date(const std::string& text) {
  if (ParseIsoDate(text)) return Cell{CellKind::kDate, text, 0};
  return Text(text);
}

Cell Decimal(const std::string& text) {
  if (IsPlainDecimal(text)) return Cell{CellKind::kDecimal, text, 0};
  return Text(text);
}

Cell Demo(bool demo) { return Text(demo ? "oui" : "non"); }

// Appends `value` unless it is empty or already there (first-seen order).
void AddDistinct(const std::string& value, std::vector<std::string>* values) {
  if (value.empty()) return;
  for (const auto& v : *values) {
    if (v == value) return;
  }
  values->push_back(value);
}

std::vector<Cell> PartnershipRow(const Partnership& p) {
  std::vector<std::string> codes, names, partners, countries, regions;
  // collectivites_fr and noms_fr stay aligned (one entry per authority);
  // pays_partenaires and regions_partenaires are distinct values.
  for (const auto& a : p.french) {
    codes.push_back(a.code);
    names.push_back(a.name);
  }
  for (const auto& a : p.partners) {
    partners.push_back(a.name);
    AddDistinct(a.country, &countries);
    AddDistinct(a.admin1_name, &regions);
  }
  return {Integer(p.meta.id),
          Text(p.kind),
          Text(p.status),
          Date(p.signed_on),
          Date(p.started_on),
          Date(p.ended_on),
          Text(core::Join(codes, "|")),
          Text(core::Join(names, "|")),
          Text(core::Join(partners, "|")),
          Text(core::Join(countries, "|")),
          Text(core::Join(regions, "|")),
          Text(p.object),
          Demo(p.meta.demo)};
}

// budget_total_eur: the sum of the project's "planned" funding lines when
// it has any, else the sum of its "actual" lines (a budget is what was
// planned; what was spent only stands in for it). Empty when the project
// has neither, or if the sum would overflow.
std::optional<std::int64_t> BudgetCents(const Project& project) {
  bool has_planned = false;
  for (const auto& line : project.funding) {
    if (line.nature == "planned") has_planned = true;
  }
  const std::string nature = has_planned ? "planned" : "actual";
  std::int64_t sum = 0;
  bool any = false;
  for (const auto& line : project.funding) {
    if (line.nature != nature) continue;
    if (__builtin_add_overflow(sum, line.amount_cents, &sum)) {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return sum;
}

std::string ParticipantLabel(const Participant& participant) {
  std::string name;
  if (participant.authority) {
    name = participant.authority->name;
  } else if (participant.actor) {
    name = participant.actor->name;
  }
  if (participant.role.empty()) return name;
  return name + " (" + participant.role + ")";
}

std::vector<Cell> ProjectRow(const Project& p) {
  std::vector<std::string> sdgs, dac, countries, participants;
  for (const auto& sdg : p.sdgs) {
    if (sdg.status == "accepted") sdgs.push_back(sdg.code);
  }
  for (const auto& [code, share] : p.dac) dac.push_back(code);
  for (const auto& location : p.locations) {
    AddDistinct(location.country, &countries);
  }
  for (const auto& participant : p.participants) {
    participants.push_back(ParticipantLabel(participant));
  }
  return {Integer(p.meta.id),
          Text(p.ref),
          Text(p.title_fr),
          Text(p.title_en),
          Text(p.status),
          Date(p.started_on),
          Date(p.ended_on),
          Integer(p.partnership_id),
          Text(core::Join(p.themes, "|")),
          Text(core::Join(sdgs, "|")),
          Text(core::Join(dac, "|")),
          Text(core::Join(countries, "|")),
          Text(core::Join(participants, "|")),
          Cents(BudgetCents(p)),
          Demo(p.meta.demo)};
}

// type_financeur: "collectivite-fr" for a French authority (country FR, or
// no country and not of kind "foreign"), "collectivite-etrangere" for a
// foreign one, "acteur-<IATI org type>" for an actor.
std::string FunderType(const FundingLine& line) {
  if (line.funder_authority) {
    const AuthorityRef& a = *line.funder_authority;
    const bool french =
        a.country == "FR" || (a.country.empty() && a.kind != "foreign");
    return french ? "collectivite-fr" : "collectivite-etrangere";
  }
  if (line.funder_actor) {
    if (line.funder_actor->org_type.empty()) return "acteur";
    return "acteur-" + line.funder_actor->org_type;
  }
  return "";
}

std::vector<Cell> FundingRow(const Project& p, const FundingLine& line) {
  std::string funder;
  if (line.funder_authority) {
    funder = line.funder_authority->name;
  } else if (line.funder_actor) {
    funder = line.funder_actor->name;
  }
  std::optional<std::int64_t> year;
  if (line.year != 0) year = line.year;
  return {Text(p.ref),
          Text(line.key),
          Text(funder),
          Text(FunderType(line)),
          Text(line.mechanism),
          Integer(year),
          Text(line.nature),
          Cents(line.amount_cents),
          Text(line.currency),
          Decimal(line.original_amount),
          Decimal(line.exchange_rate),
          Date(line.rate_date),
          Demo(line.meta.demo || p.meta.demo)};
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Table BuildTable(const ExportData& data, CsvTable which) {
  Table table;
  switch (which) {
    case CsvTable::kPartnerships:
      table.header.assign(std::begin(kPartnershipColumns),
                          std::end(kPartnershipColumns));
      for (const auto& p : data.partnerships) {
        table.rows.push_back(PartnershipRow(p));
      }
      break;
    case CsvTable::kProjects:
      table.header.assign(std::begin(kProjectColumns),
                          std::end(kProjectColumns));
      for (const auto& p : data.projects) table.rows.push_back(ProjectRow(p));
      break;
    case CsvTable::kFunding:
      table.header.assign(std::begin(kFundingColumns),
                          std::end(kFundingColumns));
      for (const auto& p : data.projects) {
        for (const auto& line : p.funding) {
          table.rows.push_back(FundingRow(p, line));
        }
      }
      break;
  }
  return table;
}

std::string FormatCents(std::int64_t cents, char decimal_separator) {
  // The magnitude as unsigned, so INT64_MIN does not overflow.
  const std::uint64_t magnitude = cents < 0
                                      ? 0 - static_cast<std::uint64_t>(cents)
                                      : static_cast<std::uint64_t>(cents);
  const std::uint64_t fraction = magnitude % 100;
  std::string out = cents < 0 ? "-" : "";
  out += std::to_string(magnitude / 100);
  out += decimal_separator;
  out += static_cast<char>('0' + fraction / 10);
  out += static_cast<char>('0' + fraction % 10);
  return out;
}

std::optional<Ymd> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && !IsDigit(text[i])) return std::nullopt;
  }
  auto number = [&](std::size_t pos, std::size_t len) {
    int n = 0;
    for (std::size_t i = pos; i < pos + len; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  Ymd ymd{number(0, 4), number(5, 2), number(8, 2)};
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap =
      (ymd.year % 4 == 0 && ymd.year % 100 != 0) || ymd.year % 400 == 0;
  const int days = kDays[ymd.month - 1] + (ymd.month == 2 && leap ? 1 : 0);
  if (ymd.day > days) return std::nullopt;
  return ymd;
}

bool IsPlainDecimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  std::size_t digits = 0;
  bool dot = false, digit_after_dot = false;
  for (; i < text.size(); ++i) {
    if (IsDigit(text[i])) {
      ++digits;
      if (dot) digit_after_dot = true;
    } else if (text[i] == '.' && !dot && digits > 0) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits > 0 && (!dot || digit_after_dot);
}

bool HasDemoData(const ExportData& data) {
  for (const auto& p : data.partnerships) {
    if (p.meta.demo) return true;
  }
  for (const auto& p : data.projects) {
    if (p.meta.demo) return true;
    for (const auto& line : p.funding) {
      if (line.meta.demo) return true;
    }
  }
  for (const auto& [id, authority] : data.authorities) {
    if (authority.meta.demo) return true;
  }
  return false;
}

}  // namespace internal

namespace {

// A text cell starting with one of these could be run as a formula by a
// spreadsheet: it is prefixed with an apostrophe. Tab and CR are in the
// OWASP list too. Typed cells (numbers, dates) are not text and are never
// prefixed, so "-12.50" stays a number.
bool NeedsNeutralising(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void AppendField(std::string_view field, char delimiter, std::string* out) {
  const bool quote = field.find_first_of(std::string{
                         delimiter, '"', '\n', '\r'}) != std::string_view::npos;
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string CellText(const internal::Cell& cell, char decimal_separator) {
  using internal::CellKind;
  switch (cell.kind) {
    case CellKind::kText:
      return NeedsNeutralising(cell.text) ? "'" + cell.text : cell.text;
    case CellKind::kInteger:
      return std::to_string(cell.number);
    case CellKind::kCents:
      return internal::FormatCents(cell.number, decimal_separator);
    case CellKind::kDate:
      return cell.text;
    case CellKind::kDecimal: {
      std::string text = cell.text;
      for (char& c : text) {
        if (c == '.') c = decimal_separator;
      }
      return text;
    }
  }
  return cell.text;
}

}  // namespace

std::string ToCsv(const ExportData& data, CsvTable table, CsvStyle style) {
  const char delimiter = style.excel ? ';' : ',';
  const char decimal_separator = style.excel ? ',' : '.';
  const std::string_view eol = style.excel ? "\r\n" : "\n";
  const internal::Table t = internal::BuildTable(data, table);
  std::string out = style.excel ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    if (i > 0) out += delimiter;
    AppendField(t.header[i], delimiter, &out);
  }
  out += eol;
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += delimiter;
      AppendField(CellText(row[i], decimal_separator), delimiter, &out);
    }
    out += eol;
  }
  return out;
}

}  // namespace coopatlas::exporter
