// Labels of codes in French and English, for facets and statistics:
// countries, world regions, régions, départements, themes, SDGs, kinds.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas {

class Labels {
 public:
  // Reads the reference tables once.
  static Result<Labels> Load(store::Db* db);

  // (French, English) label of a value of a facet; the value itself when
  // unknown.
  std::pair<std::string, std::string> Of(const std::string& facet,
                                         const std::string& value) const;

 private:
  // facet -> value -> (fr, en)
  std::map<std::string,
           std::map<std::string, std::pair<std::string, std::string>>>
      labels_;
};

}  // namespace coopatlas
