// The routes of money and evidence (docs/http.md, docs/finance.md):
// /api/v1/finance, /api/v1/eligibility, /api/v1/apd.
#pragma once

#include <vector>

#include "coopatlas/registry.h"
#include "http/api.h"

namespace coopatlas::http {

// Appends the finance routes to `routes`; `registry` must outlive them.
void AddFinanceRoutes(const Registry* registry,
                      std::vector<Api::Route>* routes);

}  // namespace coopatlas::http
