// The APD declaration (docs/finance.md) as CSV and XLSX. Codecs only.
#pragma once

#include <string>

#include "coopatlas/finance.h"
#include "coopatlas/status.h"

namespace coopatlas::exporter {

// One row per declaration line: pays_beneficiaire, categorie, montant_eur,
// projets ('|'-separated refs), then one "total" row. UTF-8, ',', LF;
// amounts in euros with two decimals. `country_names` maps alpha-2 codes to
// display names (a code without a name is written as is).
std::string ApdToCsv(const ApdDeclaration& declaration,
                     const std::map<std::string, std::string>& country_names);

// An XLSX workbook: sheet "Déclaration APD" (the same columns, amounts as
// numbers, a bold total row) and sheet "À propos" (scope, year, rules,
// demonstration note). Errors: kIo naming the path.
Status WriteApdXlsx(const ApdDeclaration& declaration,
                    const std::map<std::string, std::string>& country_names,
                    const std::string& path);

// The French label of an APD category ("cooperation" -> "Projet de
// coopération ou jumelage").
std::string ApdCategoryLabel(const std::string& category);

}  // namespace coopatlas::exporter
