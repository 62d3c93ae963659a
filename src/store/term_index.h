// The full-text index's postings in memory, so that a search by words does
// not walk FTS5's doclists and rank every match through SQL: for each
// indexed token the documents holding it and how often, and each
// document's length. Derived from the FTS5 index itself (table search_term,
// rebuilt with it), so both always agree; relevance is FTS5's own bm25
// (k1 = 1.2, b = 0.75, all columns weighted 1), computed the same way.
// Immutable once loaded; thread-safe reads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "coopatlas/status.h"
#include "core/strings.h"
#include "store/db.h"

namespace coopatlas::store {

// The postings of search_term gathered while FTS5 indexes the documents
// (store::CollectPostings): every term the tokenizer emits, counted per
// document, which is what fts5vocab's "instance" table lists afterwards,
// without reading it back (1.3 s of a 100,000-project rebuild). Documents
// come in increasing order, each announced before its terms.
class PostingsBuilder {
 public:
  // A term's postings as they are gathered.
  struct Term {
    std::string postings;
    std::int64_t last_doc = 0;  // the last document written in postings
    std::int64_t doc = -1;      // the document being counted, or -1
    std::uint32_t tf = 0;
    std::uint32_t docs = 0;
  };

  PostingsBuilder();
  void Doc(std::int64_t doc);
  // The entry of a term, made on first sight, valid as long as the builder;
  // a caller may keep it (the tokenizer keeps it beside its stems, under
  // the builder's id) to spare looking the term up again.
  Term* Find(std::string_view term);
  std::uint64_t Id() const { return id_; }
  // A term of the current document; `colocated` when at the position of the
  // term before it (FTS5_TOKEN_COLOCATED), which FTS5 does not count in the
  // document's length.
  void Add(Term* term, bool colocated);
  void Add(std::string_view term, bool colocated) {
    Add(Find(term), colocated);
  }
  // Once every document is indexed: rewrites table search_term (inside the
  // caller's transaction) if the documents' lengths it counted are those
  // FTS5 recorded; an error when they differ or the documents came out of
  // order (the caller then reads the postings back with TermIndex::Build).
  // Returns the number of terms.
  Result<std::int64_t> Write(Db* db);

 private:
  std::unordered_map<std::string, Term, core::StringHash, std::equal_to<>>
      terms_;
  std::uint64_t id_;
  std::vector<std::pair<std::int64_t, std::uint64_t>> lengths_;  // doc, tokens
  std::int64_t doc_ = -1;
  bool in_order_ = true;
};

class TermIndex {
 public:
  // Rewrites table search_term from the FTS5 table search_fts (inside the
  // caller's transaction), reading its index back. Returns the number of
  // terms.
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
