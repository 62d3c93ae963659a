// Exports of partnerships, projects and funding lines as CSV, GeoJSON and
// XLSX (docs/formats.md). Codecs only: they take records, return bytes or
// write a file; no SQL, no HTTP.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "coopatlas/model.h"
#include "coopatlas/status.h"

namespace coopatlas::exporter {

// What an export holds.
struct ExportData {
  std::vector<Partnership> partnerships;
  std::vector<Project> projects;
  // Every authority the records refer to, by id (for coordinates and
  // names).
  std::map<std::int64_t, Authority> authorities;
  // Every actor the records refer to, by id.
  std::map<std::int64_t, Actor> actors;
  std::string generated_at;  // ISO 8601 UTC
  std::string filters;       // human-readable description of the filters
};

enum class CsvTable { kPartnerships, kProjects, kFunding };

struct CsvStyle {
  // Excel in French: ';' separator, UTF-8 BOM, decimal commas, CRLF.
  bool excel = false;
};

// One CSV table. Columns (header names in French, stable):
//  partnerships: id, type, statut, date_signature, date_debut, date_fin,
//    collectivites_fr (codes, '|'-separated), noms_fr, partenaires (names),
//    pays_partenaires (ISO codes), regions_partenaires, objet,
//    demonstration
//  projects: id, ref, titre, titre_en, statut, date_debut, date_fin,
//    partenariat_id, themes, odd, cad, pays, participants, budget_total_eur,
//    demonstration
//  funding: projet_ref, cle, financeur, type_financeur, mecanisme, annee,
//    nature, montant_eur, devise, montant_origine, taux, date_taux,
//    demonstration
// Amounts in euros with two decimals ('.' or ',' with excel). Text fields
// are quoted when needed (RFC 4180); formulas are neutralised (a cell
// starting with = + - @ is prefixed with ').
std::string ToCsv(const ExportData& data, CsvTable table, CsvStyle style);

// A GeoJSON FeatureCollection (RFC 7946): a Point per placed authority
// (properties: id, name, kind, country, code) and a LineString per
// partnership whose French and partner authorities are both placed
// (properties: id, kind, status, french, partners), lon/lat order,
// coordinates rounded to 5 decimals.
std::string ToGeoJson(const ExportData& data);

// An XLSX workbook written to `path` with libxlsxwriter: sheets
// "Partenariats", "Projets", "Financements" (same columns as the CSV) and
// "À propos" (generation date, filters, sources, demonstration note).
// Typed cells (numbers as numbers, dates as dates), a bold frozen header
// row, autofilter, sensible column widths. Errors: kIo naming the path.
Status WriteXlsx(const ExportData& data, const std::string& path);

}  // namespace coopatlas::exporter
