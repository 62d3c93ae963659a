#include "store/facet_index.h"

#include <algorithm>

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
  // Facet rows ordered by document, to fill the compressed rows in one
  // pass.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement facets,
      db->Prepare("SELECT doc, facet, value FROM search_facet ORDER BY doc"));
  index.doc_offsets_.assign(n + 1, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // doc, value
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, facets.Step());
    if (!row) break;
    const auto doc = static_cast<std::uint32_t>(facets.ColumnInt(0));
    auto key = std::make_pair(facets.ColumnText(1), facets.ColumnText(2));
    auto it = index.value_ids_.find(key);
    if (it == index.value_ids_.end()) {
      it = index.value_ids_
               .emplace(key, static_cast<std::uint32_t>(index.values_.size()))
               .first;
      index.values_.push_back(std::move(key));
      index.postings_.emplace_back();
    }
    if (doc >= n) continue;
    pairs.emplace_back(doc, it->second);
  }
  for (const auto& [doc, value] : pairs) ++index.doc_offsets_[doc + 1];
  for (std::size_t d = 0; d < n; ++d) {
    index.doc_offsets_[d + 1] += index.doc_offsets_[d];
  }
  index.doc_values_.resize(pairs.size());
  std::vector<std::uint32_t> fill(index.doc_offsets_.begin(),
                                  index.doc_offsets_.end() - 1);
  for (const auto& [doc, value] : pairs) {
    index.doc_values_[fill[doc]++] = value;
    index.postings_[value].push_back(doc);  // docs come in ascending order
  }
  return index;
}

std::vector<std::uint32_t> FacetIndex::Having(
    const std::string& facet, const std::vector<std::string>& values) const {
  std::vector<std::uint32_t> out;
  for (const auto& v : values) {
    const auto it = value_ids_.find({facet, v});
    if (it == value_ids_.end()) continue;
    const auto& docs = postings_[it->second];
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
  n += (doc_offsets_.capacity() + doc_values_.capacity() +
        date_order_.capacity() + title_order_.capacity()) *
       sizeof(std::uint32_t);
  for (const auto& p : postings_) n += p.capacity() * sizeof(std::uint32_t);
  for (const auto& [facet, value] : values_) {
    n += facet.capacity() + value.capacity() + 64;
  }
  return n;
}

}  // namespace coopatlas::store
