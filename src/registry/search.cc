// Full-text search, type-ahead and reindexing (Registry methods).
#include <algorithm>
#include <set>
#include <string>

#include "core/strings.h"
#include "core/utf8.h"
#include "registry/registry_impl.h"
#include "registry/search_query.h"
#include "store/search_index.h"
#include "store/writer.h"

namespace coopatlas {
namespace {

constexpr int kMaxPerPage = 100;
constexpr int kMaxPage = 10000;

// HTML-escapes a snippet and turns the \x01 \x02 match markers into <mark>.
std::string SnippetHtml(const std::string& raw) {
  std::string out;
  out.reserve(raw.size() + 16);
  std::size_t from = 0;
  for (std::size_t i = 0; i <= raw.size(); ++i) {
    if (i < raw.size() && raw[i] != '\x01' && raw[i] != '\x02') continue;
    core::AppendHtmlEscaped(out, std::string_view(raw).substr(from, i - from));
    if (i < raw.size()) out += raw[i] == '\x01' ? "<mark>" : "</mark>";
    from = i + 1;
  }
  return out;
}

SearchResultItem ToItem(store::SearchHit hit) {
  SearchResultItem item;
  item.type = std::move(hit.kind);
  item.id = hit.record_id;
  item.code = std::move(hit.code);
  item.title = std::move(hit.title);
  item.url = std::move(hit.url);
  item.snippet_html = SnippetHtml(hit.snippet);
  item.countries = std::move(hit.countries);
  item.year = hit.year;
  item.demo = hit.demo;
  return item;
}

}  // namespace

Status SearchOptions::Validate() const {
  if (per_page < 1 || per_page > kMaxPerPage) {
    return Status::InvalidArgument("per_page must be between 1 and " +
                                   std::to_string(kMaxPerPage));
  }
  if (page < 1 || page > kMaxPage) {
    return Status::InvalidArgument("page must be between 1 and " +
                                   std::to_string(kMaxPage));
  }
  if (sort != "relevance" && sort != "date") {
    return Status::InvalidArgument("sort must be relevance or date");
  }
  const auto& known = store::SearchFacets();
  for (const auto& [facet, values] : filters) {
    if (std::find(known.begin(), known.end(), facet) == known.end()) {
      return Status::InvalidArgument("unknown filter '" + facet + "'");
    }
    if (values.size() > 50) {
      return Status::InvalidArgument("too many values for filter '" + facet +
                                     "'");
    }
    for (const auto& v : values) {
      if (v.empty() || v.size() > 100 || !core::IsValidUtf8(v)) {
        return Status::InvalidArgument("bad value for filter '" + facet + "'");
      }
    }
  }
  return Status::Ok();
}

const std::vector<std::string>& Registry::SearchFacets() {
  return store::SearchFacets();
}

Result<SearchPage> Registry::Search(const SearchOptions& options) const {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(SearchTerms terms, ParseSearch(options.q));
  store::SearchRequest request;
  request.fts = terms.empty() ? "" : ToFtsQuery(terms);
  if (terms.phrases.empty() && terms.prefixes.empty()) {
    request.words = terms.words;
    request.excluded = terms.excluded;
  }
  request.filters = options.filters;
  request.by_date = options.sort == "date";
  request.limit = options.per_page;
  request.offset = (options.page - 1) * options.per_page;
  std::shared_ptr<const store::FacetIndex> facets;
  const Labels* labels = nullptr;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(facets, impl_->GetFacets());
    COOPATLAS_ASSIGN_OR_RETURN(labels, impl_->GetLabels());
  }
  COOPATLAS_ASSIGN_OR_RETURN(Impl::Reader reader, impl_->GetReader());
  COOPATLAS_ASSIGN_OR_RETURN(store::SearchResponse response,
                             store::Search(reader.Get(), *facets, request));
  SearchPage page;
  page.query = options.q;
  page.total = response.total;
  page.page = options.page;
  page.per_page = options.per_page;
  for (auto& hit : response.hits)
    page.results.push_back(ToItem(std::move(hit)));
  for (const auto& facet : store::SearchFacets()) {
    auto& out = page.facets[facet];
    for (const auto& [value, count] : response.facets[facet]) {
      auto [fr, en] = labels->Of(facet, value);
      out.push_back({value, std::move(fr), std::move(en), count});
    }
  }
  return page;
}

Result<std::vector<SearchResultItem>> Registry::Suggest(const std::string& q,
                                                        int limit) const {
  if (limit < 1 || limit > 50) {
    return Status::InvalidArgument("limit must be between 1 and 50");
  }
  COOPATLAS_ASSIGN_OR_RETURN(SearchTerms terms, ParseSearch(q));
  std::vector<SearchResultItem> out;
  if (terms.empty()) return out;
  // The last word typed is a prefix.
  if (!terms.words.empty()) {
    terms.prefixes.push_back(terms.words.back());
    terms.words.pop_back();
  }
  COOPATLAS_ASSIGN_OR_RETURN(Impl::Reader reader, impl_->GetReader());
  COOPATLAS_ASSIGN_OR_RETURN(
      std::vector<store::SearchHit> hits,
      store::SuggestTitles(reader.Get(), ToFtsQuery(terms, "title"), limit));
  for (auto& hit : hits) out.push_back(ToItem(std::move(hit)));
  return out;
}

Result<std::int64_t> Registry::Reindex() {
  ++impl_->generation;  // the search facets reload on next use
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer, store::Writer::Begin(impl_->db.get(),
                                        {"system:reindex", {}, /*bulk=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t n,
                             store::RebuildSearchIndex(writer.get()));
  COOPATLAS_RETURN_IF_ERROR(writer->Commit());
  return n;
}

}  // namespace coopatlas
