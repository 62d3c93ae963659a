// JSON renderings of the finance results (docs/finance.md), shared by the
// CLI and the HTTP API. Amounts are integer cents ("..._cents"); shares and
// ratios are numbers (null when undefined).
#pragma once

#include <nlohmann/json.hpp>

#include "coopatlas/finance.h"

namespace coopatlas {

nlohmann::ordered_json ToJson(const FinanceSummary& summary);
nlohmann::ordered_json ToJson(const Eligibility& eligibility);
nlohmann::ordered_json ToJson(const ApdDeclaration& declaration);

}  // namespace coopatlas
