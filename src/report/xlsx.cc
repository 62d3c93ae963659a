// The XLSX report: the same tables as the HTML, amounts as numbers.
#include <xlsxwriter.h>

#include <map>
#include <string>
#include <vector>

#include "report/maps.h"
#include "report/render.h"

namespace coopatlas::report {
namespace {

class Book {
 public:
  explicit Book(const std::string& path)
      : path_(path), book_(workbook_new(path.c_str())) {
    if (book_ != nullptr) {
      bold_ = workbook_add_format(book_);
      format_set_bold(bold_);
      money_ = workbook_add_format(book_);
      format_set_num_format(money_, "#,##0.00");
    }
  }
  ~Book() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  bool ok() const { return book_ != nullptr; }

  lxw_worksheet* Sheet(const char* name,
                       const std::vector<std::string>& header) {
    lxw_worksheet* s = workbook_add_worksheet(book_, name);
    for (std::size_t c = 0; c < header.size(); ++c) {
      worksheet_write_string(s, 0, static_cast<lxw_col_t>(c), header[c].c_str(),
                             bold_);
    }
    worksheet_set_column(s, 0, 0, 40, nullptr);
    worksheet_set_column(s, 1, static_cast<lxw_col_t>(header.size()), 18,
                         nullptr);
    worksheet_freeze_panes(s, 1, 0);
    return s;
  }
  void Text(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const std::string& v) {
    worksheet_write_string(s, r, c, v.c_str(), nullptr);
  }
  void Number(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, std::int64_t v) {
    worksheet_write_number(s, r, c, static_cast<double>(v), nullptr);
  }
  void Money(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, std::int64_t cents) {
    worksheet_write_number(s, r, c, static_cast<double>(cents) / 100.0, money_);
  }
  Status Close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) {
      return Status::Io("cannot write XLSX file " + path_ + ": " +
                        lxw_strerror(e));
    }
    return Status::Ok();
  }

 private:
  std::string path_;
  lxw_workbook* book_;
  lxw_format* bold_ = nullptr;
  lxw_format* money_ = nullptr;
};

}  // namespace

Status WriteXlsx(const ReportData& d, const std::string& path) {
  Book book(path);
  if (!book.ok()) return Status::Io("cannot write XLSX file " + path);
  lxw_worksheet* key = book.Sheet("Chiffres clés", {"Indicateur", "Valeur"});
  lxw_row_t r = 1;
  book.Text(key, r, 0, d.title);
  book.Text(key, r++, 1, d.subtitle);
  if (d.includes_demo) {
    book.Text(key, r, 0, "Données de démonstration");
    book.Text(key, r++, 1, "OUI : inclut des données fictives");
  }
  if (d.empty) {
    book.Text(key, r++, 0, "Aucun partenariat ni projet dans ce périmètre");
  }
  for (const auto& [label, value] : KeyFigures(d)) {
    book.Text(key, r, 0, label);
    book.Text(key, r++, 1, value);
  }
  auto counts = [&](const char* name, const char* what,
                    const std::vector<ReportBar>& bars, bool money) {
    lxw_worksheet* s =
        book.Sheet(name, {what, money ? "Montant prévu (EUR)" : "Projets"});
    lxw_row_t row = 1;
    for (const ReportBar& b : bars) {
      book.Text(s, row, 0, b.label);
      if (money) {
        book.Money(s, row++, 1, b.value);
      } else {
        book.Number(s, row++, 1, b.value);
      }
    }
  };
  counts("Financement", "Source", d.funding_by_source, true);
  counts("Thèmes", "Thème", d.by_theme, false);
  counts("ODD", "Objectif", d.by_sdg, false);
  counts("Pays", "Pays", d.top_countries, false);
  counts("Années", "Année de début", d.projects_by_year, false);
  // The figures of the two maps.
  lxw_worksheet* world = book.Sheet(
      "Carte pays", {"Pays", "Code ISO numérique", "Partenariats et projets"});
  r = 1;
  for (const auto& [code, n] : d.world_map) {
    const auto name = d.country_names.find(code);
    book.Text(world, r, 0, name == d.country_names.end() ? code : name->second);
    book.Text(world, r, 1, code);
    book.Number(world, r++, 2, n);
  }
  lxw_worksheet* france =
      book.Sheet("Carte départements",
                 {"Département", "Code", "Collectivités françaises engagées"});
  std::map<std::string, std::string> departements;
  if (auto g = FranceGeometry(); g.ok()) {
    for (const MapShape& shape : (*g)->shapes) {
      departements[shape.code] = shape.name;
    }
  }
  r = 1;
  for (const auto& [code, n] : d.france_map) {
    const auto name = departements.find(code);
    book.Text(france, r, 0, name == departements.end() ? code : name->second);
    book.Text(france, r, 1, code);
    book.Number(france, r++, 2, n);
  }
  if (d.authorities_off_map > 0) {
    book.Text(france, r, 0, "Sans département (régions…)");
    book.Number(france, r++, 2, d.authorities_off_map);
  }
  lxw_worksheet* p = book.Sheet("Projets", {"Titre", "Réf.", "Pays", "Statut",
                                            "Début", "Budget prévu (EUR)"});
  r = 1;
  for (const ReportProject& x : d.project_list) {
    book.Text(p, r, 0, x.title);
    book.Text(p, r, 1, x.ref);
    book.Text(p, r, 2, x.countries);
    book.Text(p, r, 3, x.status);
    book.Text(p, r, 4, x.started_on);
    book.Money(p, r++, 5, x.planned_cents);
  }
  lxw_worksheet* s = book.Sheet(
      "Partenariats",
      {"Collectivités françaises", "Partenaires", "Pays", "Type", "Statut"});
  r = 1;
  for (const ReportPartnership& x : d.partnership_list) {
    book.Text(s, r, 0, x.french);
    book.Text(s, r, 1, x.partners);
    book.Text(s, r, 2, x.countries);
    book.Text(s, r, 3, x.kind);
    book.Text(s, r++, 4, x.status);
  }
  lxw_worksheet* about = book.Sheet("À propos", {"Sources", ""});
  r = 1;
  for (const std::string& line : d.provenance) book.Text(about, r++, 0, line);
  book.Text(about, r++, 0, d.freshness);
  book.Text(about, r++, 0, "Rapport généré le " + d.generated_at);
  return book.Close();
}

}  // namespace coopatlas::report
