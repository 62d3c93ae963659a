// The search index: one document per authority, partnership and project,
// in an FTS5 table with the French tokenizer, and its facet values
// (country, world region, French région and département, authority kind,
// partnership kind, theme, SDG, year).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"
#include "store/writer.h"

namespace coopatlas::store {

// Rebuilds the whole index from the records, inside the writer's
// transaction (so an import and its index commit together). One audit entry
// records the rebuild with the document count.
Result<std::int64_t> RebuildSearchIndex(Writer* writer);

struct SearchRequest {
  std::string fts;  // FTS5 MATCH expression, "" to browse without text
  // The same query as plain words, when it is one: documents holding every
  // word of `words` and none of `excluded`. The in-memory path answers it
  // from the postings when each word is one token; otherwise FTS5 answers
  // `fts`. Both give the same documents in the same order.
  std::vector<std::string> words, excluded;
  // facet -> accepted values (OR within a facet, AND between facets)
  std::map<std::string, std::vector<std::string>> filters;
  bool by_date = false;  // else by relevance (bm25), title for browsing
  int limit = 20;
  int offset = 0;
  bool facets = true;
};

struct SearchHit {
  std::string kind;
  std::int64_t record_id = 0;
  std::string code, title, url, snippet;  // snippet: \x01 match \x02 markers
  std::vector<std::string> countries;
  std::optional<int> year;
  bool demo = false;
};

struct SearchResponse {
  std::int64_t total = 0;
  std::vector<SearchHit> hits;
  // facet -> (value, count), largest first
  std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>
      facets;
};

// Type-ahead: documents whose title matches `fts` (a title-only prefix
// query), without ranking every match: the first candidates FTS5 finds
// (authorities first, as they are indexed first), authorities before
// partnerships before projects, shorter titles first. Snippets are the
// highlighted titles.
Result<std::vector<SearchHit>> SuggestTitles(Db* db, const std::string& fts,
                                             int limit);

// The facets every search counts.
const std::vector<std::string>& SearchFacets();

// Search with SQL only (small databases, tests of the index itself).
Result<SearchResponse> Search(Db* db, const SearchRequest& request);

class FacetIndex;
// Search with the facets counted and filtered in memory: FTS5 gives the
// matching documents (and their order by relevance), the facet index does
// the rest. Same answers as Search(db, request).
Result<SearchResponse> Search(Db* db, const FacetIndex& facets,
                              const SearchRequest& request);

}  // namespace coopatlas::store
