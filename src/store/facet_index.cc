#include "store/facet_index.h"

#include <algorithm>
#include <unordered_map>

namespace coopatlas::store {
namespace {

// Fills `order` (by document id) with each document's place when sorted by
// the second column of `sql`; equal values, equal places. SQLite sorts, so the
// texts are never all in memory.
Status LoadOrder(Db* db, const char* sql, std::vector<std::uint32_t>* order) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  std::string previous;
  std::uint32_t place = 0;
  bool first = true;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const auto id = static_cast<std::size_t>(s.ColumnInt(0));
    const std::string_view value = s.ColumnBlob(1);
    if (first || value != previous) {
      ++place;
      previous.assign(value);
      first = false;
    }
    if (id >= order->size()) order->resize(id + 1, 0);
    (*order)[id] = place;
  }
  return Status::Ok();
}

void PutDelta(std::uint32_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

std::uint32_t GetDelta(const std::string& in, std::size_t* at) {
  std::uint32_t v = 0;
  for (int shift = 0; *at < in.size() && shift < 32; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[(*at)++]);
    v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
  }
  return v;
}

}  // namespace

Result<FacetIndex> FacetIndex::Load(Db* db) {
  FacetIndex index;
  COOPATLAS_RETURN_IF_ERROR(LoadOrder(
      db, "SELECT id, coalesce(sort_date, '') FROM search_doc ORDER BY 2, id",
      &index.date_order_));
  COOPATLAS_RETURN_IF_ERROR(
      LoadOrder(db, "SELECT id, title FROM search_doc ORDER BY 2, id",
                &index.title_order_));
  index.title_order_.resize(index.date_order_.size(), 0);
  COOPATLAS_ASSIGN_OR_RETURN(index.terms_, TermIndex::Load(db));
  const std::size_t n = index.date_order_.size();
  // Facet rows by document (the covering index search_facet_doc), so that
  // each document's values are appended in one pass.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement facets,
      db->Prepare("SELECT doc, facet, value FROM search_facet ORDER BY doc"));
  index.doc_offsets_.assign(n + 1, 0);
  std::unordered_map<std::string, std::uint16_t> ids;  // "facet\x1fvalue"
  std::vector<std::uint32_t> last_doc;  // by value id, for the deltas
  std::string key;
  std::int64_t previous = -1;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, facets.Step());
    if (!row) break;
    const std::int64_t doc = facets.ColumnInt(0);
    if (doc < 0 || static_cast<std::size_t>(doc) >= n) continue;
    const std::string_view facet = facets.ColumnBlob(1);
    const std::string_view value = facets.ColumnBlob(2);
    key.assign(facet).append(1, '\x1f').append(value);
    auto it = ids.find(key);
    if (it == ids.end()) {
      if (index.values_.size() > 0xffff) {
        return Status::Internal("more than 65,536 facet values");
      }
      it = ids.emplace(key, static_cast<std::uint16_t>(index.values_.size()))
               .first;
      index.value_ids_.emplace(
          std::make_pair(std::string(facet), std::string(value)), it->second);
      index.values_.emplace_back(std::string(facet), std::string(value));
      index.postings_.emplace_back();
      last_doc.push_back(0);
    }
    // Documents between the previous one and this one have no values.
    for (std::int64_t d = previous + 1; d <= doc; ++d) {
      index.doc_offsets_[static_cast<std::size_t>(d)] =
          static_cast<std::uint32_t>(index.doc_values_.size());
    }
    previous = doc;
    const std::uint16_t id = it->second;
    index.doc_values_.push_back(id);
    PutDelta(static_cast<std::uint32_t>(doc) - last_doc[id],
             &index.postings_[id]);
    last_doc[id] = static_cast<std::uint32_t>(doc);
  }
  for (std::size_t d = static_cast<std::size_t>(previous + 1); d <= n; ++d) {
    index.doc_offsets_[d] =
        static_cast<std::uint32_t>(index.doc_values_.size());
  }
  index.doc_values_.shrink_to_fit();
  for (auto& p : index.postings_) p.shrink_to_fit();
  return index;
}

std::vector<std::uint32_t> FacetIndex::Having(
    const std::string& facet, const std::vector<std::string>& values) const {
  std::vector<std::uint32_t> out;
  for (const auto& v : values) {
    const auto it = value_ids_.find({facet, v});
    if (it == value_ids_.end()) continue;
    std::vector<std::uint32_t> docs;
    const std::string& bytes = postings_[it->second];
    std::uint32_t doc = 0;
    for (std::size_t at = 0; at < bytes.size();) {
      doc += GetDelta(bytes, &at);
      docs.push_back(doc);
    }
    if (out.empty()) {
      out.swap(docs);
      continue;
    }
    std::vector<std::uint32_t> merged;
    merged.reserve(out.size() + docs.size());
    std::set_union(out.begin(), out.end(), docs.begin(), docs.end(),
                   std::back_inserter(merged));
    out.swap(merged);
  }
  return out;
}

std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>
FacetIndex::Count(const std::vector<std::uint32_t>& docs) const {
  std::vector<std::int64_t> counts(values_.size(), 0);
  for (const std::uint32_t d : docs) {
    if (d + 1 >= doc_offsets_.size()) continue;
    for (std::uint32_t i = doc_offsets_[d]; i < doc_offsets_[d + 1]; ++i) {
      ++counts[doc_values_[i]];
    }
  }
  std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> out;
  for (std::size_t v = 0; v < values_.size(); ++v) {
    if (counts[v] > 0)
      out[values_[v].first].emplace_back(values_[v].second, counts[v]);
  }
  for (auto& [facet, list] : out) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    });
  }
  return out;
}

std::vector<std::uint32_t> FacetIndex::All() const {
  std::vector<std::uint32_t> out;
  out.reserve(date_order_.size());
  for (std::size_t d = 1; d < date_order_.size(); ++d) {
    if (doc_offsets_[d + 1] > doc_offsets_[d]) {
      out.push_back(static_cast<std::uint32_t>(d));
    }
  }
  return out;
}

std::size_t FacetIndex::MemoryBytes() const {
  std::size_t n = terms_.MemoryBytes();
  n += (doc_offsets_.capacity() + date_order_.capacity() +
        title_order_.capacity()) *
       sizeof(std::uint32_t);
  n += doc_values_.capacity() * sizeof(std::uint16_t);
  for (const auto& p : postings_) n += p.capacity();
  for (const auto& [facet, value] : values_) {
    n += facet.capacity() + value.capacity() + 64;
  }
  return n;
}

}  // namespace coopatlas::store
