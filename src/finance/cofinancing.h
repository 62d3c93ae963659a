// Co-financing shares and leverage ratios of a set of funding lines
// (docs/finance.md). Pure computation over plain values: no SQL, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/finance.h"

namespace coopatlas::finance {

// "french_authority", "partner_authority", "state", "public_body", "eu",
// "ngo", "foundation", "company", "other".
std::string_view FunderTypeName(FunderType type);

// The class of a funder: an authority (French when its country is "FR",
// else a partner) or an actor by its IATI OrganisationType code.
FunderType ClassifyFunder(bool is_authority, std::string_view country,
                          std::string_view org_type);

// True for the "1 %" mechanisms (1pc-eau, 1pc-assainissement, ...).
bool IsOnePercent(std::string_view mechanism);

// The figures of `lines` (one nature each: planned or actual); lines of the
// other nature are ignored.
Cofinancing ComputeCofinancing(const std::vector<FinanceLine>& lines,
                               bool actual);

// Planned and actual figures of `lines`, keeping only the lines of `year`
// when it is set. `scope` is copied into the result.
FinanceSummary Summarize(const std::vector<FinanceLine>& lines,
                         std::string scope, std::optional<int> year);

// Lines that count alike (same funder class, mechanism, year, nature,
// currency or not, demo or not), summed: `line.amount_cents` is their total.
struct LineGroup {
  FinanceLine line;
  std::int64_t lines = 0;
};

// As Summarize over the lines the groups stand for; `projects` is the number
// of distinct projects behind them (groups do not carry it). The groups are
// of the scope's year already when `year` is set.
FinanceSummary SummarizeGroups(const std::vector<LineGroup>& groups,
                               std::int64_t projects, std::string scope,
                               std::optional<int> year);

}  // namespace coopatlas::finance
