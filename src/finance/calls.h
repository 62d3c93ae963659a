// Calls for projects as versioned rules (data/calls/<id>.json) and the
// eligibility of a project to one of them (docs/finance.md). No SQL: the
// caller gives the project's funding lines and its countries' classes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/finance.h"
#include "coopatlas/status.h"

namespace coopatlas::finance {

// Parses one call file. `id` is the file name without ".json" and must
// equal the "id" field; `origin` names the file in messages. Errors:
// kInvalidArgument naming the file and the field.
Result<CallRules> ParseCall(std::string_view json, const std::string& id,
                            const std::string& origin);

// Reads `<dir>/<id>.json`. Errors: kNotFound (no such call: the message
// lists the calls of `dir`), kInvalidArgument (bad file).
Result<CallRules> LoadCall(const std::string& dir, const std::string& id);

// The ids of the calls in `dir` (its *.json files), sorted.
std::vector<std::string> ListCalls(const std::string& dir);

// The class of a country from the statuses it holds on a date
// (ref_country_status): "ldc" when it is a least developed country, else
// "oda" when it is on the DAC list of ODA recipients, else "other".
std::string CountryClass(const std::vector<std::string>& statuses);

struct EligibilityInput {
  std::string project_ref, project_title;
  bool demo = false;
  std::vector<FinanceLine> lines;  // the project's lines (planned are used)
  // The project's foreign countries -> class (CountryClass).
  std::map<std::string, std::string> country_classes;
  Prerequisites prerequisites;
};

// Checks every rule of `call` on the project's planned lines.
Eligibility CheckEligibility(const CallRules& call,
                             const EligibilityInput& input);

// "1234.56 EUR"
std::string FormatEuros(std::int64_t cents);

}  // namespace coopatlas::finance
