#include "store/term_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace coopatlas::store {
namespace {

void PutVarint(std::uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// LEB128 as PutVarint writes it. `at` advances.
std::uint64_t GetVarint(std::string_view in, std::size_t* at) {
  std::uint64_t v = 0;
  for (int shift = 0; *at < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[(*at)++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
  }
  return v;
}

// SQLite's own varint (big-endian groups of 7 bits), as FTS5 writes the
// column sizes of search_fts_docsize.
std::uint64_t GetSqliteVarint(std::string_view in, std::size_t* at) {
  std::uint64_t v = 0;
  for (int i = 0; i < 9 && *at < in.size(); ++i) {
    const auto byte = static_cast<unsigned char>(in[(*at)++]);
    if (i == 8) return (v << 8) | byte;
    v = (v << 7) | (byte & 0x7f);
    if ((byte & 0x80) == 0) break;
  }
  return v;
}

// Walks one term's postings.
class PostingReader {
 public:
  explicit PostingReader(std::string_view bytes) : bytes_(bytes) {}
  bool Next() {
    if (at_ >= bytes_.size()) return false;
    const std::uint64_t v = GetVarint(bytes_, &at_);
    doc_ += static_cast<std::uint32_t>(v >> 1);
    tf_ =
        (v & 1) != 0 ? static_cast<std::uint32_t>(GetVarint(bytes_, &at_)) : 1;
    return true;
  }
  std::uint32_t Doc() const { return doc_; }
  std::uint32_t Tf() const { return tf_; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  std::uint32_t doc_ = 0;
  std::uint32_t tf_ = 0;
};

// One document of a term's postings: varint(delta << 1 | tf > 1), then
// varint(tf) when tf > 1.
void PutPosting(std::int64_t doc, std::int64_t last_doc, std::uint32_t tf,
                std::string* postings) {
  PutVarint(
      (static_cast<std::uint64_t>(doc - last_doc) << 1) | (tf > 1 ? 1 : 0),
      postings);
  if (tf > 1) PutVarint(tf, postings);
}

// FTS5 keeps at most this many bytes of a token (FTS5_MAX_TOKEN_SIZE).
constexpr std::size_t kMaxTokenBytes = 32768;

// Each document's length in tokens (all columns), from search_fts_docsize.
Result<std::vector<std::pair<std::int64_t, std::uint64_t>>> DocLengths(Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement sizes,
      db->Prepare("SELECT id, sz FROM search_fts_docsize ORDER BY id"));
  std::vector<std::pair<std::int64_t, std::uint64_t>> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, sizes.Step());
    if (!row) break;
    const std::string_view sz = sizes.ColumnBlob(1);
    std::uint64_t tokens = 0;
    for (std::size_t at = 0; at < sz.size();) {
      tokens += GetSqliteVarint(sz, &at);
    }
    out.emplace_back(sizes.ColumnInt(0), tokens);
  }
  return out;
}

}  // namespace

PostingsBuilder::PostingsBuilder() {
  static std::atomic<std::uint64_t> builders{0};
  id_ = ++builders;
}

void PostingsBuilder::Doc(std::int64_t doc) {
  if (doc <= doc_) in_order_ = false;
  doc_ = doc;
  lengths_.emplace_back(doc, 0);
}

PostingsBuilder::Term* PostingsBuilder::Find(std::string_view term) {
  if (term.size() > kMaxTokenBytes) term = term.substr(0, kMaxTokenBytes);
  auto it = terms_.find(term);
  if (it == terms_.end()) it = terms_.try_emplace(std::string(term)).first;
  return &it->second;
}

void PostingsBuilder::Add(Term* term, bool colocated) {
  if (lengths_.empty()) {
    in_order_ = false;  // a term before any document
    return;
  }
  if (!colocated) ++lengths_.back().second;
  Term& t = *term;
  if (t.doc == doc_) {
    ++t.tf;
    return;
  }
  if (t.doc >= 0) {
    PutPosting(t.doc, t.last_doc, t.tf, &t.postings);
    t.last_doc = t.doc;
    ++t.docs;
  }
  t.doc = doc_;
  t.tf = 1;
}

Result<std::int64_t> PostingsBuilder::Write(Db* db) {
  if (!in_order_) {
    return Status::FailedPrecondition(
        "search index: documents indexed out of order");
  }
  COOPATLAS_ASSIGN_OR_RETURN(auto recorded, DocLengths(db));
  // Documents without a token (a title of punctuation, no body) have no
  // postings: they are left out on both sides.
  std::vector<std::pair<std::int64_t, std::uint64_t>> counted;
  counted.reserve(lengths_.size());
  for (const auto& l : lengths_) {
    if (l.second > 0) counted.push_back(l);
  }
  recorded.erase(std::remove_if(recorded.begin(), recorded.end(),
                                [](const auto& l) { return l.second == 0; }),
                 recorded.end());
  if (counted != recorded) {
    return Status::FailedPrecondition(
        "search index: the tokens counted differ from FTS5's");
  }
  std::vector<std::pair<const std::string*, Term*>> sorted;
  sorted.reserve(terms_.size());
  for (auto& [term, open] : terms_) sorted.emplace_back(&term, &open);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  COOPATLAS_RETURN_IF_ERROR(db->Exec("DELETE FROM search_term"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement insert,
      db->Prepare(
          "INSERT INTO search_term(term, docs, postings) VALUES (?, ?, ?)"));
  for (auto& [term, t] : sorted) {
    PutPosting(t->doc, t->last_doc, t->tf, &t->postings);
    insert.Bind(1, *term).Bind(2, static_cast<std::int64_t>(t->docs) + 1);
    insert.BindBlob(3, t->postings);
    COOPATLAS_RETURN_IF_ERROR(insert.Run());
  }
  return static_cast<std::int64_t>(sorted.size());
}

Result<std::int64_t> TermIndex::Build(Db* db) {
  COOPATLAS_RETURN_IF_ERROR(db->Exec("DELETE FROM search_term"));
  COOPATLAS_RETURN_IF_ERROR(
      db->Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING "
               "fts5vocab(main, search_fts, instance)"));
  // Every instance of every term, by term then document.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement instances,
      db->Prepare("SELECT term, doc FROM temp.search_vocab"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement insert,
      db->Prepare(
          "INSERT INTO search_term(term, docs, postings) VALUES (?, ?, ?)"));
  std::string term, postings;
  std::int64_t terms = 0, doc = -1, last_doc = 0;
  std::uint32_t tf = 0, docs = 0;
  auto end_doc = [&] {
    if (doc < 0) return;
    PutPosting(doc, last_doc, tf, &postings);
    last_doc = doc;
    doc = -1;
    ++docs;
  };
  auto end_term = [&]() -> Status {
    end_doc();
    if (docs > 0) {
      insert.Bind(1, term).Bind(2, static_cast<std::int64_t>(docs));
      insert.BindBlob(3, postings);
      COOPATLAS_RETURN_IF_ERROR(insert.Run());
      ++terms;
    }
    postings.clear();
    docs = 0;
    last_doc = 0;
    return Status::Ok();
  };
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, instances.Step());
    if (!row) break;
    const std::string_view t = instances.ColumnBlob(0);
    const std::int64_t d = instances.ColumnInt(1);
    if (t != term) {
      COOPATLAS_RETURN_IF_ERROR(end_term());
      term.assign(t);
    }
    if (d != doc) {
      end_doc();
      if (d < last_doc) {
        return Status::Internal("fts5vocab listed documents out of order");
      }
      doc = d;
      tf = 0;
    }
    ++tf;
  }
  COOPATLAS_RETURN_IF_ERROR(end_term());
  instances.Reset();
  COOPATLAS_RETURN_IF_ERROR(db->Exec("DROP TABLE temp.search_vocab"));
  return terms;
}

Result<TermIndex> TermIndex::Load(Db* db) {
  TermIndex index;
  // A database of an older schema opened read-only has no postings.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement exists,
      db->Prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_term'"));
  COOPATLAS_ASSIGN_OR_RETURN(const bool has_table, exists.Step());
  if (!has_table) return index;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement terms,
      db->Prepare("SELECT term, docs, postings FROM search_term"));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, terms.Step());
    if (!row) break;
    Term& t = index.terms_[terms.ColumnText(0)];
    t.docs = static_cast<std::uint32_t>(terms.ColumnInt(1));
    t.postings.assign(terms.ColumnBlob(2));
  }
  // Document lengths: FTS5 keeps, per document, a varint per column.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement sizes, db->Prepare("SELECT id, sz FROM search_fts_docsize"));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, sizes.Step());
    if (!row) break;
    const auto id = static_cast<std::size_t>(sizes.ColumnInt(0));
    const std::string_view sz = sizes.ColumnBlob(1);
    std::uint64_t tokens = 0;
    for (std::size_t at = 0; at < sz.size();) {
      tokens += GetSqliteVarint(sz, &at);
    }
    if (id >= index.doc_tokens_.size()) index.doc_tokens_.resize(id + 1, 0);
    index.doc_tokens_[id] = static_cast<std::uint32_t>(tokens);
    index.rows_ += 1;
    index.total_tokens_ += static_cast<double>(tokens);
  }
  index.doc_tokens_.shrink_to_fit();
  return index;
}

std::size_t TermIndex::MemoryBytes() const {
  std::size_t n = doc_tokens_.capacity() * sizeof(std::uint32_t);
  for (const auto& [token, term] : terms_) {
    n += token.capacity() + term.postings.capacity() + sizeof(Term) + 32;
  }
  return n;
}

const TermIndex::Term* TermIndex::Lookup(const std::string& token) const {
  const auto it = terms_.find(token);
  return it == terms_.end() ? nullptr : &it->second;
}

TermIndex::Matches TermIndex::Find(const std::vector<std::string>& all,
                                   const std::vector<std::string>& none) const {
  Matches out;
  if (all.empty()) return out;
  // The distinct terms, rarest first: each narrows the documents kept.
  std::vector<const Term*> distinct;
  std::vector<std::size_t> slot(all.size());  // all[i] -> distinct index
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Term* t = Lookup(all[i]);
    if (t == nullptr) return out;
    const auto it = std::find(distinct.begin(), distinct.end(), t);
    slot[i] = static_cast<std::size_t>(it - distinct.begin());
    if (it == distinct.end()) distinct.push_back(t);
  }
  std::vector<std::size_t> order(distinct.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return distinct[a]->docs < distinct[b]->docs;
  });
  // tfs[k][i]: frequency of distinct term k in out.docs[i].
  std::vector<std::vector<std::uint32_t>> tfs(distinct.size());
  {
    PostingReader reader(distinct[order[0]]->postings);
    out.docs.reserve(distinct[order[0]]->docs);
    tfs[order[0]].reserve(distinct[order[0]]->docs);
    while (reader.Next()) {
      out.docs.push_back(reader.Doc());
      tfs[order[0]].push_back(reader.Tf());
    }
  }
  for (std::size_t o = 1; o < order.size() && !out.docs.empty(); ++o) {
    const std::size_t k = order[o];
    PostingReader reader(distinct[k]->postings);
    std::vector<std::uint32_t> kept_docs;
    std::vector<std::vector<std::uint32_t>> kept_tfs(distinct.size());
    bool more = reader.Next();
    for (std::size_t i = 0; i < out.docs.size() && more; ++i) {
      while (more && reader.Doc() < out.docs[i]) more = reader.Next();
      if (!more || reader.Doc() != out.docs[i]) continue;
      kept_docs.push_back(out.docs[i]);
      for (std::size_t p = 0; p < o; ++p) {
        kept_tfs[order[p]].push_back(tfs[order[p]][i]);
      }
      kept_tfs[k].push_back(reader.Tf());
    }
    out.docs.swap(kept_docs);
    tfs.swap(kept_tfs);
  }
  // Exclusions.
  for (const auto& token : none) {
    const Term* t = Lookup(token);
    if (t == nullptr || out.docs.empty()) continue;
    PostingReader reader(t->postings);
    bool more = reader.Next();
    std::size_t w = 0;
    for (std::size_t i = 0; i < out.docs.size(); ++i) {
      while (more && reader.Doc() < out.docs[i]) more = reader.Next();
      if (more && reader.Doc() == out.docs[i]) continue;
      out.docs[w] = out.docs[i];
      for (auto& column : tfs) column[w] = column[i];
      ++w;
    }
    out.docs.resize(w);
    for (auto& column : tfs) column.resize(w);
  }
  // bm25 exactly as FTS5's bm25() computes it (fts5_aux.c).
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  const double avgdl = total_tokens_ / rows_;
  std::vector<double> idf(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const double hits = distinct[slot[i]]->docs;
    idf[i] = std::log((rows_ - hits + 0.5) / (hits + 0.5));
    if (idf[i] <= 0.0) idf[i] = 1e-6;
  }
  out.scores.resize(out.docs.size());
  for (std::size_t d = 0; d < out.docs.size(); ++d) {
    const std::uint32_t doc = out.docs[d];
    const double length =
        doc < doc_tokens_.size() ? static_cast<double>(doc_tokens_[doc]) : 0;
    double score = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const double freq = static_cast<double>(tfs[slot[i]][d]);
      score += idf[i] * ((freq * (kK1 + 1.0)) /
                         (freq + kK1 * (1 - kB + kB * length / avgdl)));
    }
    out.scores[d] = score;
  }
  return out;
}

}  // namespace coopatlas::store
