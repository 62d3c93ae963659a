// The search index's facets in memory: for each document its facet values,
// and for each value its documents, so that a search counts facets and
// applies filters over the matching documents without SQL joins.
// Immutable once loaded; thread-safe reads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

class FacetIndex {
 public:
  // Reads search_doc and search_facet. Cost: one pass over both tables.
  static Result<FacetIndex> Load(Db* db);

  std::size_t DocumentCount() const { return sort_dates_.size(); }

  // The documents (ids, ascending) having one of `values` of `facet`.
  std::vector<std::uint32_t> Having(
      const std::string& facet, const std::vector<std::string>& values) const;

  // facet -> (value, count) over `docs`, largest first.
  std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>
  Count(const std::vector<std::uint32_t>& docs) const;

  // All document ids, ascending.
  std::vector<std::uint32_t> All() const;
  // The date a document sorts by ("" if none).
  const std::string& SortDate(std::uint32_t doc) const;
  const std::string& Title(std::uint32_t doc) const;

 private:
  // Value ids: (facet, value) pairs.
  std::vector<std::pair<std::string, std::string>> values_;
  std::map<std::pair<std::string, std::string>, std::uint32_t> value_ids_;
  // Compressed rows: the values of doc d are
  // doc_values_[doc_offsets_[d] .. doc_offsets_[d + 1]).
  std::vector<std::uint32_t> doc_offsets_;
  std::vector<std::uint32_t> doc_values_;
  // Documents of each value id (ascending).
  std::vector<std::vector<std::uint32_t>> postings_;
  std::vector<std::string> sort_dates_;  // by doc id
  std::vector<std::string> titles_;      // by doc id
};

}  // namespace coopatlas::store
