// The full-text index's postings in memory, so that a search by words does
// not walk FTS5's doclists and rank every match through SQL: for each
// indexed token the documents holding it and how often, and each
// document's length. Derived from the FTS5 index itself (table search_term,
// rebuilt with it), so both always agree; relevance is FTS5's own bm25
// (k1 = 1.2, b = 0.75, all columns weighted 1), computed the same way.
// Immutable once loaded; thread-safe reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

class TermIndex {
 public:
  // Rewrites table search_term from the FTS5 table search_fts (inside the
  // caller's transaction). Returns the number of terms.
  static Result<std::int64_t> Build(Db* db);

  // Reads search_term and the documents' lengths. An index with no terms
  // (a database not reindexed since search_term exists) is not Ready().
  static Result<TermIndex> Load(Db* db);

  bool Ready() const { return !terms_.empty(); }
  std::size_t MemoryBytes() const;

  // The documents holding every token of `all` and none of `none`
  // (ascending ids), and beside each its bm25 score for `all` (higher is
  // more relevant; FTS5's rank is minus this score). Tokens as FTS5 looks
  // them up (QueryTokens); a repeated token counts as two phrases, as in
  // FTS5.
  struct Matches {
    std::vector<std::uint32_t> docs;
    std::vector<double> scores;
  };
  Matches Find(const std::vector<std::string>& all,
               const std::vector<std::string>& none) const;

 private:
  struct Term {
    std::uint32_t docs = 0;  // documents holding the term
    std::string postings;    // per document: varint(delta << 1 | tf > 1)
                             // then varint(tf) when tf > 1
  };
  const Term* Lookup(const std::string& token) const;

  std::unordered_map<std::string, Term> terms_;
  std::vector<std::uint32_t> doc_tokens_;  // by document id
  double rows_ = 0;
  double total_tokens_ = 0;
};

}  // namespace coopatlas::store
