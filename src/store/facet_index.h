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
#include "store/term_index.h"

namespace coopatlas::store {

class FacetIndex {
 public:
  // Reads search_doc, search_facet and search_term. Cost: one pass over
  // each.
  static Result<FacetIndex> Load(Db* db);

  std::size_t DocumentCount() const { return date_order_.size(); }
  // The postings of the full-text index (not Ready() in a database
  // indexed before they existed: searches then ask FTS5).
  const TermIndex& Terms() const { return terms_; }
  // Bytes held (approximately).
  std::size_t MemoryBytes() const;

  // The documents (ids, ascending) having one of `values` of `facet`.
  std::vector<std::uint32_t> Having(
      const std::string& facet, const std::vector<std::string>& values) const;

  // facet -> (value, count) over `docs`, largest first.
  std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>
  Count(const std::vector<std::uint32_t>& docs) const;

  // All document ids, ascending.
  std::vector<std::uint32_t> All() const;
  // A document's place among all by date and by title (equal dates or
  // titles: equal places; no date sorts first).
  std::uint32_t DateOrder(std::uint32_t doc) const {
    return doc < date_order_.size() ? date_order_[doc] : 0;
  }
  std::uint32_t TitleOrder(std::uint32_t doc) const {
    return doc < title_order_.size() ? title_order_[doc] : 0;
  }

 private:
  // Value ids: (facet, value) pairs.
  std::vector<std::pair<std::string, std::string>> values_;
  std::map<std::pair<std::string, std::string>, std::uint32_t> value_ids_;
  // Compressed rows: the values of doc d are
  // doc_values_[doc_offsets_[d] .. doc_offsets_[d + 1]).
  std::vector<std::uint32_t> doc_offsets_;
  std::vector<std::uint16_t> doc_values_;
  // Documents of each value id: varint deltas of the ascending ids.
  std::vector<std::string> postings_;
  std::vector<std::uint32_t> date_order_;   // by doc id
  std::vector<std::uint32_t> title_order_;  // by doc id
  TermIndex terms_;
};

}  // namespace coopatlas::store
