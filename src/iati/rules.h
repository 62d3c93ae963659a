// The IATI standard's rules that matter for coopatlas (IATI-Rulesets
// standard.json, flattened in docs/iati.md), checked on one activity tree,
// and codelist membership. No SQL here: the codelists come from the caller.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/strings.h"
#include "iati/element.h"
#include "iati/reader.h"

namespace coopatlas::iati {

// Codes by codelist name ("Sector", "UNSDG-Targets", ...). A list that is
// absent is not checked. Lookups hash the given string_view (no string
// made per lookup).
class Codelists {
 public:
  void Add(const std::string& list, const std::string& code) {
    lists_[list].insert(code);
  }
  bool Has(std::string_view list) const {
    return lists_.find(list) != lists_.end();
  }
  // True when `code` is in `list`, or `list` is not loaded.
  bool Contains(std::string_view list, std::string_view code) const {
    auto it = lists_.find(list);
    return it == lists_.end() || it->second.find(code) != it->second.end();
  }
  bool empty() const { return lists_.empty(); }

 private:
  using Set =
      std::unordered_set<std::string, core::StringHash, std::equal_to<>>;
  std::unordered_map<std::string, Set, core::StringHash, std::equal_to<>>
      lists_;
};

struct RuleOptions {
  const Codelists* codelists = nullptr;  // null: no codelist checks
  std::string today;  // YYYY-MM-DD: "in the future" means after this day
};

// Appends to *out the findings of the rules on one <iati-activity>.
void CheckActivity(const Element& activity, const RuleOptions& options,
                   std::vector<Message>* out);

}  // namespace coopatlas::iati
