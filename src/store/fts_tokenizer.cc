#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "store/term_index.h"
#include "text/fold.h"
#include "text/tokens.h"

namespace coopatlas::store {
namespace {

// The Snowball French stemmer reads accents ("décentralisées" ->
// "décentralis"), so stem the accented word, then fold the stem.
std::string StemOf(text::Stemmer& stemmer, const text::Token& token) {
  return text::Fold(stemmer.Stem(token.lower));
}

// Words and what they give, found by the word's bytes: open addressing in a
// power-of-two table of (hash, entry) slots. A look-up masks the hash where
// std::unordered_map divides it, and reads the slot then the entry where
// the map reads its bucket, the node before, then the node: the indexing
// thread of a 100,000-project rebuild spends about 0.2 s less.
template <typename T>
class WordCache {
 public:
  T* Find(std::string_view word, std::size_t hash) {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == nullptr) return nullptr;
      if (slot.hash == hash && slot.entry->first == word) {
        return &slot.entry->second;
      }
    }
  }
  // `word` must not be there yet.
  T& Insert(std::string word, std::size_t hash, T value) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::move(word), std::move(value));
    Place({hash, &entries_.back()});
    return entries_.back().second;
  }
  std::size_t Size() const { return entries_.size(); }
  void Clear() {
    slots_.clear();
    entries_.clear();
    mask_ = 0;
  }

 private:
  using Entry = std::pair<std::string, T>;
  struct Slot {
    std::size_t hash = 0;
    Entry* entry = nullptr;  // nullptr: free
  };
  void Place(const Slot& slot) {
    std::size_t i = slot.hash & mask_;
    while (slots_[i].entry != nullptr) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  // Doubles the table (at most half full, probes stay short).
  void Grow() {
    const std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.entry != nullptr) Place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::deque<Entry> entries_;  // stable addresses
};

// One per FTS5 table and connection, used by one thread at a time. Words
// repeat (a field's vocabulary is small), and snippets re-tokenize the
// documents of each page: the stems are remembered, which spares most calls
// to the stemmer.
struct Tokenizer {
  static constexpr std::size_t kMaxCached = 200000;

  // What a word gives, remembered.
  struct Stemmed {
    std::string stem;        // StemOf(token)
    std::string unaccented;  // the stem of the word without accents
    std::string folded;      // the word folded
    // The postings entries of the stem, the unaccented stem and the folded
    // word in the PostingsBuilder of id `builder` (CollectPostings).
    std::uint64_t builder = 0;
    PostingsBuilder::Term* terms[3] = {nullptr, nullptr, nullptr};
    // Which forms a document token of this word indexes beside its stem,
    // decided once: the unaccented stem when it differs from the stem, the
    // folded word when it differs from both.
    bool index_unaccented = false;
    bool index_folded = false;
  };

  Stemmed& Stems(const text::Token& token) {
    // Looked up by the token's own bytes: no string made for a word seen
    // before (most words, when a whole atlas is indexed).
    const std::size_t hash = core::StringHash{}(token.lower);
    if (Stemmed* known = cache.Find(token.lower, hash)) return *known;
    if (cache.Size() > kMaxCached) cache.Clear();
    Stemmed made{StemOf(stemmer, token),
                 std::string(stemmer.Stem(token.folded)),
                 std::string(token.folded)};
    made.index_unaccented = made.unaccented != made.stem;
    made.index_folded =
        made.folded != made.stem && made.folded != made.unaccented;
    return cache.Insert(std::string(token.lower), hash, std::move(made));
  }

  text::Stemmer stemmer{"french"};
  // lower-case word -> its stems (the folded word is Fold of the same)
  WordCache<Stemmed> cache;
};

// The builder of CollectPostings on this thread, if any.
thread_local PostingsBuilder* collecting = nullptr;

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) Tokenizer();
  if (t == nullptr) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int Tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text,
             int length, int (*emit)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<Tokenizer*>(handle);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
  int rc = SQLITE_OK;
  if (text == nullptr || length <= 0) return SQLITE_OK;
  text::ForEachToken(
      std::string_view(text, static_cast<std::size_t>(length)),
      [&](const text::Token& token) {
        const int b = static_cast<int>(token.begin);
        const int e = static_cast<int>(token.end);
        auto put = [&](int tflags, std::string_view s) {
          rc =
              emit(context, tflags, s.data(), static_cast<int>(s.size()), b, e);
          return rc == SQLITE_OK;
        };
        const std::string_view folded = token.folded;
        if (query && prefix) {
          // "coop*": the folded word as typed, matched against the folded
          // forms indexed beside the stems.
          return put(0, folded);
        }
        Tokenizer::Stemmed& stems = t->Stems(token);
        PostingsBuilder* builder = query ? nullptr : collecting;
        if (builder != nullptr && stems.builder != builder->Id()) {
          stems.builder = builder->Id();
          stems.terms[0] = stems.terms[1] = stems.terms[2] = nullptr;
        }
        // The word's folded form is the one remembered, but for rare
        // spellings that fold otherwise than the first one seen ("ẞ" and
        // "ß" are both "ß" in lower case).
        const bool folded_as_remembered = folded == stems.folded;
        // Emits the term, and counts it when postings are collected.
        auto index = [&](int tflags, std::string_view s, int slot) {
          if (!put(tflags, s)) return false;
          if (builder != nullptr) {
            const bool colocated = (tflags & FTS5_TOKEN_COLOCATED) != 0;
            if (slot == 2 && !folded_as_remembered) {
              builder->Add(s, colocated);
              return true;
            }
            PostingsBuilder::Term*& term = stems.terms[slot];
            if (term == nullptr) term = builder->Find(s);
            builder->Add(term, colocated);
          }
          return true;
        };
        const std::string& stem = stems.stem;
        if (!index(0, stem, 0)) return false;
        if (query) return true;
        // Also index the stem of the unaccented word, for queries typed
        // without accents ("decentralisees" -> "decentralise"), and the
        // folded word itself, for prefix queries.
        const std::string& unaccented = stems.unaccented;
        if (stems.index_unaccented &&
            !index(FTS5_TOKEN_COLOCATED, unaccented, 1)) {
          return false;
        }
        const bool index_folded = folded_as_remembered
                                      ? stems.index_folded
                                      : folded != stem && folded != unaccented;
        return !index_folded || index(FTS5_TOKEN_COLOCATED, folded, 2);
      });
  return rc;
}

fts5_api* FtsApi(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) ==
      SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr",
                         nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

Status RegisterFtsTokenizer(sqlite3* db) {
  fts5_api* api = FtsApi(db);
  if (api == nullptr) {
    return Status::FailedPrecondition(
        "this SQLite has no FTS5 (install Debian's libsqlite3)");
  }
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  const int rc =
      api->xCreateTokenizer(api, "coopatlas_fr", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Internal(
        std::string("cannot register the FTS5 tokenizer: ") +
        sqlite3_errstr(rc));
  }
  return Status::Ok();
}

CollectPostings::CollectPostings(PostingsBuilder* builder)
    : previous_(collecting) {
  collecting = builder;
}

CollectPostings::~CollectPostings() { collecting = previous_; }

std::vector<std::string> QueryTokens(std::string_view text) {
  thread_local text::Stemmer stemmer{"french"};
  std::vector<std::string> out;
  text::ForEachToken(text, [&](const text::Token& token) {
    out.push_back(StemOf(stemmer, token));
    return true;
  });
  return out;
}

}  // namespace coopatlas::store
