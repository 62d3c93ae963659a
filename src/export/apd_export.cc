#include "export/apd_export.h"

#include <xlsxwriter.h>

#include <map>
#include <string>

#include "core/strings.h"
#include "export/export_internal.h"

namespace coopatlas::exporter {
namespace {

constexpr const char* kSheet = "Déclaration APD";

std::string Name(const std::map<std::string, std::string>& names,
                 const std::string& code) {
  if (code == "multi") return "Plusieurs pays";
  const auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

// RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so that
// a spreadsheet never runs it.
std::string Field(const std::string& v) {
  std::string text = v;
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    text = "'" + text;
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ApdCategoryLabel(const std::string& category) {
  static const std::map<std::string, std::string> kLabels = {
      {"cooperation", "Projet de coopération ou jumelage"},
      {"emergency", "Aide d'urgence"},
      {"development_education", "Éducation au développement (ECSI)"},
      {"one_percent", "Dispositifs 1 %"},
      {"ngo_grant", "Subvention à une ONG"},
      {"multilateral", "Contribution multilatérale"},
      {"refugees", "Accueil des réfugiés en France"},
      {"scholarships", "Bourses"},
      {"follow_up", "Frais de suivi"}};
  const auto it = kLabels.find(category);
  return it == kLabels.end() ? category : it->second;
}

std::string ApdToCsv(const ApdDeclaration& d,
                     const std::map<std::string, std::string>& names) {
  std::string out =
      "pays_beneficiaire,code_pays,categorie,code_categorie,montant_eur,"
      "projets\n";
  for (const ApdLine& l : d.lines) {
    out += Field(Name(names, l.recipient)) + "," + Field(l.recipient) + "," +
           Field(ApdCategoryLabel(l.category)) + "," + Field(l.category) + "," +
           internal::FormatCents(l.amount_cents, '.') + "," +
           Field(core::Join(l.projects, "|")) + "\n";
  }
  out += "Total,,,," + internal::FormatCents(d.total_cents, '.') + ",\n";
  return out;
}

Status WriteApdXlsx(const ApdDeclaration& d,
                    const std::map<std::string, std::string>& names,
                    const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) {
    return Status::Io("cannot write XLSX file " + path);
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(book);
  format_set_num_format(money, "#,##0.00");
  lxw_format* bold_money = workbook_add_format(book);
  format_set_bold(bold_money);
  format_set_num_format(bold_money, "#,##0.00");
  lxw_worksheet* sheet = workbook_add_worksheet(book, kSheet);
  const char* header[] = {"Pays bénéficiaire", "Code pays",     "Catégorie",
                          "Code catégorie",    "Montant (EUR)", "Projets"};
  for (lxw_col_t c = 0; c < 6; ++c) {
    worksheet_write_string(sheet, 0, c, header[c], bold);
  }
  lxw_row_t row = 1;
  for (const ApdLine& l : d.lines) {
    worksheet_write_string(sheet, row, 0, Name(names, l.recipient).c_str(),
                           nullptr);
    worksheet_write_string(sheet, row, 1, l.recipient.c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, ApdCategoryLabel(l.category).c_str(),
                           nullptr);
    worksheet_write_string(sheet, row, 3, l.category.c_str(), nullptr);
    worksheet_write_number(sheet, row, 4,
                           static_cast<double>(l.amount_cents) / 100.0, money);
    worksheet_write_string(sheet, row, 5, core::Join(l.projects, "|").c_str(),
                           nullptr);
    ++row;
  }
  worksheet_write_string(sheet, row, 0, "Total", bold);
  worksheet_write_number(
      sheet, row, 4, static_cast<double>(d.total_cents) / 100.0, bold_money);
  worksheet_set_column(sheet, 0, 0, 24, nullptr);
  worksheet_set_column(sheet, 2, 2, 36, nullptr);
  worksheet_set_column(sheet, 4, 4, 16, nullptr);
  worksheet_set_column(sheet, 5, 5, 40, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);

  lxw_worksheet* about = workbook_add_worksheet(book, "À propos");
  const std::string rows[][2] = {
      {"Déclaration", "Aide publique au développement (CGCT L1115-6)"},
      {"Périmètre", d.scope},
      {"Année", std::to_string(d.year)},
      {"Règle",
       "Fonds propres effectivement versés (nature réalisé) par les "
       "collectivités françaises, convertis en euros à l'import"},
      {"Collectivités", std::to_string(d.authorities)},
      {"Liste CAD des bénéficiaires de l'APD",
       d.oda_list_known
           ? "vérifiée : " + internal::FormatCents(d.not_oda_cents, ',') +
                 " EUR versés à des pays hors liste ne sont pas comptés"
           : "absente des données de référence pour cette année : "
             "bénéficiaires non vérifiés"},
      {"Données de démonstration",
       d.includes_demo ? "OUI : inclut des données de démonstration fictives"
                       : "non"}};
  lxw_row_t r = 0;
  for (const auto& pair : rows) {
    worksheet_write_string(about, r, 0, pair[0].c_str(), bold);
    worksheet_write_string(about, r, 1, pair[1].c_str(), nullptr);
    ++r;
  }
  worksheet_set_column(about, 0, 0, 26, nullptr);
  worksheet_set_column(about, 1, 1, 80, nullptr);
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR) {
    return Status::Io("cannot write XLSX file " + path + ": " +
                      lxw_strerror(error));
  }
  return Status::Ok();
}

}  // namespace coopatlas::exporter
