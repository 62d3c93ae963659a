// The French full-text tokenizer of coopatlas for SQLite FTS5
// ("coopatlas_fr"): tokens folded (case, accents, ligatures: text/fold.h)
// and stemmed with the Snowball French stemmer, so that "coopération"
// finds "cooperations". Each document token is indexed as its stem and,
// at the same position, as its folded form, so that prefix queries
// ("coop*", type-ahead) match the words as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"

struct sqlite3;

namespace coopatlas::store {

class PostingsBuilder;

// Registers the tokenizer on a connection (every connection needs it to
// read or write an FTS5 table that uses it).
Status RegisterFtsTokenizer(sqlite3* db);

// While it lives, the tokenizer hands `builder` every term it emits for the
// documents FTS5 indexes on this thread; the caller announces each document
// (PostingsBuilder::Doc) before inserting it (store::FtsBuild does).
class CollectPostings {
 public:
  explicit CollectPostings(PostingsBuilder* builder);
  ~CollectPostings();
  CollectPostings(const CollectPostings&) = delete;
  CollectPostings& operator=(const CollectPostings&) = delete;

 private:
  PostingsBuilder* previous_;
};

// The tokens FTS5 looks up for a query string (a quoted FTS5 string gives
// the same): each word's stem, folded. Thread-safe.
std::vector<std::string> QueryTokens(std::string_view text);

}  // namespace coopatlas::store
