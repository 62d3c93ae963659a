#include "store/search_index.h"
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <thread>

#include "store/facet_index.h"
#include "store/fts_build.h"
#include "store/fts_tokenizer.h"
#include "store/term_index.h"

namespace coopatlas::store {
namespace {

// The rebuild, in two parts. Labels in the text are French and English so
// both find the record. The rebuild empties search_facet and search_fts
// (EmptyTable) before them.
// 1. The documents with their text: authorities, partnerships, projects
// (SuggestTitles relies on this order), each kind by record id. Each row is
// written to search_doc as it is read, and its text, handed over at once,
// is indexed on another thread meanwhile. Columns: record_id, code, title,
// url, countries, year, sort_date, demo, then the text beside the title.
struct DocumentQuery {
  const char* kind;
  const char* sql;
};
constexpr int kDocumentColumns = 8;  // written to search_doc
constexpr int kTitleColumn = 2;
constexpr int kBodyColumn = 8;
const std::vector<DocumentQuery>& DocumentQueries() {
  static const std::vector<DocumentQuery> kQueries = {
      // Authorities that take part in something.
      {"authority",
       R"sql(SELECT a.id, a.code, a.name,
             CASE WHEN a.country = 'FR' THEN '/collectivites/' || a.code
                  ELSE '/collectivites/etrangeres/' || a.id END,
             a.country, NULL, a.updated_at, a.demo,
             concat_ws(' ', a.kind, a.name_latin, dep.name, reg.name, c.name_fr,
                       c.name_en, a.admin1_name)
      FROM authority a
      LEFT JOIN ref_departement dep ON dep.code = a.departement
      LEFT JOIN ref_region reg ON reg.code = a.region
      LEFT JOIN ref_country c ON c.alpha2 = a.country
      WHERE EXISTS (SELECT 1 FROM partnership_party pp WHERE pp.authority_id = a.id)
         OR EXISTS (SELECT 1 FROM project_participant p WHERE p.authority_id = a.id)
      ORDER BY a.id)sql"},
      // Partnerships: "Lyon – Turin".
      {"partnership",
       R"sql(SELECT p.id, NULL,
             (SELECT group_concat(name, ', ') FROM (SELECT a.name FROM
                partnership_party pp JOIN authority a ON a.id = pp.authority_id
                WHERE pp.partnership_id = p.id AND pp.side = 'fr' ORDER BY a.name))
             || ' – ' ||
             (SELECT group_concat(name, ', ') FROM (SELECT a.name FROM
                partnership_party pp JOIN authority a ON a.id = pp.authority_id
                WHERE pp.partnership_id = p.id AND pp.side = 'partner' ORDER BY a.name)),
             '/partenariats/' || p.id,
             coalesce((SELECT group_concat(country, ' ') FROM (SELECT DISTINCT
                a.country FROM partnership_party pp JOIN authority a ON
                a.id = pp.authority_id WHERE pp.partnership_id = p.id AND
                pp.side = 'partner')), ''),
             CAST(substr(coalesce(p.signed_on, p.started_on), 1, 4) AS INTEGER),
             coalesce(p.signed_on, p.started_on, p.updated_at), p.demo,
             concat_ws(' ', p.kind, p.object,
               (SELECT group_concat(concat_ws(' ', c.name_fr, c.name_en,
                  a.admin1_name, dep.name), ' ')
                FROM partnership_party pp JOIN authority a ON a.id = pp.authority_id
                LEFT JOIN ref_country c ON c.alpha2 = a.country
                LEFT JOIN ref_departement dep ON dep.code = a.departement
                WHERE pp.partnership_id = p.id))
      FROM partnership p ORDER BY p.id)sql"},
      // Projects.
      {"project",
       R"sql(SELECT p.id, NULL, p.title_fr, '/projets/' || p.id,
             coalesce((SELECT group_concat(country, ' ') FROM (SELECT DISTINCT
                country FROM project_location WHERE project_id = p.id)), ''),
             CAST(substr(p.started_on, 1, 4) AS INTEGER),
             coalesce(p.started_on, p.updated_at), p.demo,
             concat_ws(' ', p.title_en, p.description_fr, p.description_en,
               p.beneficiaries,
               (SELECT group_concat(coalesce(a.name, x.name), ' ')
                FROM project_participant pp LEFT JOIN authority a ON
                a.id = pp.authority_id LEFT JOIN actor x ON x.id = pp.actor_id
                WHERE pp.project_id = p.id),
               (SELECT group_concat(concat_ws(' ', t.label_fr, t.label_en), ' ')
                FROM project_theme pt JOIN ref_theme t ON t.code = pt.theme
                WHERE pt.project_id = p.id),
               (SELECT group_concat(concat_ws(' ', l.name, c.name_fr, c.name_en), ' ')
                FROM project_location l LEFT JOIN ref_country c ON
                c.alpha2 = l.country WHERE l.project_id = p.id))
      FROM project p ORDER BY p.id)sql"},
  };
  return kQueries;
}

// 2. Their facets.
const std::vector<const char*>& FacetStatements() {
  static const std::vector<const char*> kStatements = {
      // type
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one statement.
      "INSERT OR IGNORE INTO search_facet SELECT id, 'type', kind FROM "
      "search_doc",
      // country (authority: its own; partnership: partners'; project:
      // locations and partner participants)
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT d.id, 'country', a.country FROM search_doc d JOIN authority a
        ON d.kind = 'authority' AND a.id = d.record_id
      UNION SELECT d.id, 'country', a.country FROM search_doc d
        JOIN partnership_party pp ON d.kind = 'partnership' AND
          pp.partnership_id = d.record_id AND pp.side = 'partner'
        JOIN authority a ON a.id = pp.authority_id
      UNION SELECT d.id, 'country', l.country FROM search_doc d
        JOIN project_location l ON d.kind = 'project' AND l.project_id = d.record_id
      UNION SELECT d.id, 'country', a.country FROM search_doc d
        JOIN project_participant pp ON d.kind = 'project' AND pp.project_id = d.record_id
        JOIN authority a ON a.id = pp.authority_id AND a.country <> 'FR')sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT f.doc, 'world_region', c.m49_region FROM search_facet f
        JOIN ref_country c ON f.facet = 'country' AND c.alpha2 = f.value
      WHERE c.m49_region IS NOT NULL)sql",
      // French parties: authority itself, partnership 'fr' side, project
      // participants in France. CROSS JOIN keeps each project's participants
      // as the inner loop: left to itself the planner walked every French
      // authority for every project (20 s for 20,000 projects).
      R"sql(CREATE TEMP TABLE IF NOT EXISTS doc_french(doc INTEGER, authority INTEGER))sql",
      "DELETE FROM temp.doc_french",
      R"sql(INSERT INTO temp.doc_french
      SELECT d.id, d.record_id FROM search_doc d JOIN authority a ON
        d.kind = 'authority' AND a.id = d.record_id AND a.country = 'FR'
      UNION SELECT d.id, pp.authority_id FROM search_doc d JOIN partnership_party pp
        ON d.kind = 'partnership' AND pp.partnership_id = d.record_id AND pp.side = 'fr'
      UNION SELECT d.id, pp.authority_id FROM search_doc d
        CROSS JOIN project_participant pp
        ON d.kind = 'project' AND pp.project_id = d.record_id
        CROSS JOIN authority a ON a.id = pp.authority_id AND a.country = 'FR')sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT f.doc, 'fr_region', a.region FROM temp.doc_french f
        JOIN authority a ON a.id = f.authority WHERE a.region IS NOT NULL
      UNION SELECT f.doc, 'departement', a.departement FROM temp.doc_french f
        JOIN authority a ON a.id = f.authority WHERE a.departement IS NOT NULL
      UNION SELECT f.doc, 'authority_kind', a.kind FROM temp.doc_french f
        JOIN authority a ON a.id = f.authority)sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT d.id, 'partnership_kind', p.kind FROM search_doc d JOIN partnership p
        ON d.kind = 'partnership' AND p.id = d.record_id
      UNION SELECT d.id, 'partnership_kind', p.kind FROM search_doc d
        JOIN project pr ON d.kind = 'project' AND pr.id = d.record_id
        JOIN partnership p ON p.id = pr.partnership_id)sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT d.id, 'theme', t.theme FROM search_doc d JOIN project_theme t
        ON d.kind = 'project' AND t.project_id = d.record_id)sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT d.id, 'sdg', CASE WHEN instr(s.code, '.') > 0
          THEN substr(s.code, 1, instr(s.code, '.') - 1) ELSE s.code END
      FROM search_doc d JOIN project_sdg s ON d.kind = 'project' AND
        s.project_id = d.record_id AND s.status = 'accepted')sql",
      R"sql(INSERT OR IGNORE INTO search_facet
      SELECT id, 'year', CAST(year AS TEXT) FROM search_doc WHERE year IS NOT NULL)sql",
      "DELETE FROM temp.doc_french",
  };
  return kStatements;
}

// Empties a table by dropping it and creating it again from its own
// definition; its indexes' definitions are appended to `indexes`, to be
// created once the table is filled (one sort instead of an insertion per
// row). A DELETE of every row costs as much as the rows: with foreign keys
// on, SQLite deletes search_facet's million rows of a 100,000-project atlas
// one by one (2.4 s), and FTS5 takes each document out of its index
// (3.2 s); dropping takes 0.2 s.
// Returns the table's definition.
Result<std::string> EmptyTable(Db* db, const std::string& table,
                               std::vector<std::string>* indexes) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement schema,
      db->Prepare("SELECT type, sql FROM sqlite_schema WHERE tbl_name = ?1 "
                  "AND sql IS NOT NULL ORDER BY type <> 'table', name"));
  schema.Bind(1, table);
  std::string definition;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, schema.Step());
    if (!row) break;
    if (schema.ColumnText(0) == "table") {
      definition = schema.ColumnText(1);
    } else {
      indexes->push_back(schema.ColumnText(1));
    }
  }
  schema.Reset();
  if (definition.empty()) {
    return Status::Internal("search index: no table " + table);
  }
  COOPATLAS_RETURN_IF_ERROR(db->Exec("DROP TABLE " + table));
  COOPATLAS_RETURN_IF_ERROR(db->Exec(definition));
  return definition;
}

// A hit from a row whose first columns are: kind, record_id, code, title,
// url, countries, year, demo (both search paths select them so).
SearchHit ReadHit(const Statement& s) {
  SearchHit hit;
  hit.kind = s.ColumnText(0);
  hit.record_id = s.ColumnInt(1);
  hit.code = s.ColumnText(2);
  hit.title = s.ColumnText(3);
  hit.url = s.ColumnText(4);
  hit.countries = core::SplitSpaces(s.ColumnText(5));
  if (!s.ColumnIsNull(6)) hit.year = static_cast<int>(s.ColumnInt(6));
  hit.demo = s.ColumnInt(7) != 0;
  return hit;
}

}  // namespace

const std::vector<std::string>& SearchFacets() {
  static const std::vector<std::string> kFacets = {"type",
                                                   "country",
                                                   "world_region",
                                                   "fr_region",
                                                   "departement",
                                                   "authority_kind",
                                                   "partnership_kind",
                                                   "theme",
                                                   "sdg",
                                                   "year"};
  return kFacets;
}

Result<std::int64_t> RebuildSearchIndex(Writer* writer) {
  Db* db = writer->db();
  std::vector<std::string> indexes;
  std::string fts_definition;
  for (const char* table : {"search_facet", "search_fts"}) {
    Result<std::string> definition = EmptyTable(db, table, &indexes);
    if (!definition.ok()) {
      return definition.status().WithContext("search index");
    }
    fts_definition = std::move(*definition);  // search_fts's, at the end
  }
  COOPATLAS_RETURN_IF_ERROR(
      db->Exec("DELETE FROM search_doc").WithContext("search index"));
  // The text is indexed on another thread (FtsBuild) as the documents are
  // written, then while this one counts the facets; the postings of
  // search_term are gathered as it is indexed.
  PostingsBuilder postings;
  std::jthread writeback;  // joined as the rebuild ends, however it ends
  {
    COOPATLAS_ASSIGN_OR_RETURN(
        std::unique_ptr<FtsBuild> fts,
        FtsBuild::Start(db, "search_fts", fts_definition, &postings));
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement insert,
        db->Prepare("INSERT INTO search_doc(kind, record_id, code, title, "
                    "url, countries, year, sort_date, demo) VALUES (?1, ?2, "
                    "?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    for (const DocumentQuery& query : DocumentQueries()) {
      COOPATLAS_ASSIGN_OR_RETURN(Statement documents, db->Prepare(query.sql));
      while (true) {
        COOPATLAS_ASSIGN_OR_RETURN(bool row, documents.Step());
        if (!row) break;
        insert.Bind(1, query.kind);
        for (int i = 0; i < kDocumentColumns; ++i) {
          insert.BindColumn(i + 2, documents, i);
        }
        if (Status inserted = insert.Run(); !inserted.ok()) {
          return inserted.WithContext(
              "search index: " + std::string(query.kind) + " " +
              std::to_string(documents.ColumnInt(0)));
        }
        COOPATLAS_RETURN_IF_ERROR(fts->Add(db->LastInsertRowId(), documents,
                                           kTitleColumn, kBodyColumn));
      }
    }
    fts->Close();
    for (const char* sql : FacetStatements()) {
      COOPATLAS_RETURN_IF_ERROR(db->Exec(sql).WithContext("search index"));
    }
    for (const std::string& sql : indexes) {
      COOPATLAS_RETURN_IF_ERROR(db->Exec(sql).WithContext("search index"));
    }
    // What was written so far starts going to disk, from a third thread
    // (starting it waits for the disk's queue); the writer's checks of its
    // records, otherwise made at its commit, are made while the other thread
    // finishes the index.
    writeback = std::jthread([db] { db->StartWriteback(); });
    COOPATLAS_RETURN_IF_ERROR(writer->CheckForeignKeys());
    COOPATLAS_RETURN_IF_ERROR(fts->Finish().WithContext("search index"));
  }
  Result<std::int64_t> written = postings.Write(db);
  if (!written.ok()) {
    // Gathered wrong (not seen in practice): read them back from FTS5.
    written = TermIndex::Build(db);
  }
  COOPATLAS_ASSIGN_OR_RETURN(const std::int64_t terms, std::move(written));
  COOPATLAS_ASSIGN_OR_RETURN(Statement count,
                             db->Prepare("SELECT count(*) FROM search_doc"));
  COOPATLAS_ASSIGN_OR_RETURN(bool row, count.Step());
  (void)row;
  const std::int64_t n = count.ColumnInt(0);
  count.Reset();
  COOPATLAS_RETURN_IF_ERROR(writer->AuditReplace(
      "search_index",
      nlohmann::json({{"documents", n}, {"terms", terms}}).dump()));
  return n;
}

Result<std::vector<SearchHit>> SuggestTitles(Db* db, const std::string& fts,
                                             int limit) {
  constexpr int kCandidates = 200;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT d.kind, d.record_id, coalesce(d.code, ''), d.title, "
                  "d.url, d.countries, d.year, d.demo, d.id FROM (SELECT "
                  "rowid AS id FROM search_fts WHERE search_fts MATCH ?1 "
                  "LIMIT ?2) m JOIN search_doc d ON d.id = m.id"));
  s.Bind(1, fts).Bind(2, std::max(limit, kCandidates));
  std::vector<std::pair<SearchHit, std::int64_t>> candidates;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    candidates.emplace_back(ReadHit(s), s.ColumnInt(8));
  }
  auto kind_order = [](const std::string& kind) {
    return kind == "authority" ? 0 : kind == "partnership" ? 1 : 2;
  };
  const std::size_t n =
      std::min(candidates.size(), static_cast<std::size_t>(std::max(limit, 0)));
  std::partial_sort(candidates.begin(),
                    candidates.begin() + static_cast<std::ptrdiff_t>(n),
                    candidates.end(), [&](const auto& a, const auto& b) {
                      const auto& x = a.first;
                      const auto& y = b.first;
                      if (kind_order(x.kind) != kind_order(y.kind)) {
                        return kind_order(x.kind) < kind_order(y.kind);
                      }
                      if (x.title.size() != y.title.size()) {
                        return x.title.size() < y.title.size();
                      }
                      if (x.title != y.title) return x.title < y.title;
                      return a.second < b.second;
                    });
  candidates.resize(n);
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement highlight,
      db->Prepare("SELECT highlight(search_fts, 0, char(1), char(2)) FROM "
                  "search_fts WHERE search_fts MATCH ?1 AND rowid = ?2"));
  std::vector<SearchHit> out;
  for (auto& [hit, doc] : candidates) {
    highlight.Bind(1, fts).Bind(2, doc);
    COOPATLAS_ASSIGN_OR_RETURN(bool found, highlight.Step());
    if (found) hit.snippet = highlight.ColumnText(0);
    highlight.Reset();
    out.push_back(std::move(hit));
  }
  return out;
}

Result<SearchResponse> Search(Db* db, const SearchRequest& request) {
  // The matching documents, as a CTE shared by the page and the facets.
  std::vector<std::string> params;
  auto param = [&params](std::string v) {
    params.push_back(std::move(v));
    return "?" + std::to_string(params.size());
  };
  std::string matches;
  if (request.fts.empty()) {
    matches = "SELECT id, 0.0 AS rank FROM search_doc";
  } else {
    matches =
        "SELECT rowid AS id, rank FROM search_fts WHERE search_fts MATCH " +
        param(request.fts);
  }
  std::string where = " WHERE 1";
  for (const auto& [facet, values] : request.filters) {
    if (values.empty()) continue;
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + param(v);
    where += " AND m.id IN (SELECT doc FROM search_facet WHERE facet = " +
             param(facet) + " AND value IN (" + list + "))";
  }
  const std::string cte = "WITH m AS (" + matches + ") ";
  SearchResponse response;
  auto bind_all = [&params](Statement& s) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      s.Bind(static_cast<int>(i + 1), params[i]);
    }
  };
  {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement s, db->Prepare(cte + "SELECT count(*) FROM m" + where));
    bind_all(s);
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    response.total = row ? s.ColumnInt(0) : 0;
  }
  {
    std::string order = request.by_date
                            ? " ORDER BY d.sort_date DESC, d.id"
                            : (request.fts.empty() ? " ORDER BY d.title, d.id"
                                                   : " ORDER BY m.rank, d.id");
    const std::string snippet =
        request.fts.empty()
            ? "''"
            : "(SELECT snippet(search_fts, -1, char(1), char(2), '…', 12) "
              "FROM search_fts WHERE search_fts MATCH ?1 AND rowid = d.id)";
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare(cte +
                    "SELECT d.kind, d.record_id, coalesce(d.code, ''), "
                    "d.title, d.url, d.countries, d.year, d.demo, " +
                    snippet + " FROM m JOIN search_doc d ON d.id = m.id" +
                    where + order + " LIMIT " + std::to_string(request.limit) +
                    " OFFSET " + std::to_string(request.offset)));
    bind_all(s);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      SearchHit hit = ReadHit(s);
      hit.snippet = s.ColumnText(8);
      response.hits.push_back(std::move(hit));
    }
  }
  if (request.facets) {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement s,
        db->Prepare(
            cte +
            "SELECT f.facet, f.value, count(*) AS n FROM m JOIN "
            "search_facet f ON f.doc = m.id" +
            where +
            " GROUP BY f.facet, f.value ORDER BY f.facet, n DESC, f.value"));
    bind_all(s);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      response.facets[s.ColumnText(0)].emplace_back(s.ColumnText(1),
                                                    s.ColumnInt(2));
    }
  }
  return response;
}

namespace {

// The query tokens of the request's words, if the in-memory postings can
// answer it (each word one token).
bool TokensOf(const std::vector<std::string>& words,
              std::vector<std::string>* out) {
  for (const auto& word : words) {
    std::vector<std::string> tokens = QueryTokens(word);
    if (tokens.size() != 1) return false;
    out->push_back(std::move(tokens[0]));
  }
  return true;
}

// The first `count` documents of `docs` by `before`, in order.
template <typename Before>
std::vector<std::uint32_t> TopOf(std::vector<std::uint32_t> docs,
                                 std::size_t count, Before before) {
  count = std::min(count, docs.size());
  std::partial_sort(docs.begin(),
                    docs.begin() + static_cast<std::ptrdiff_t>(count),
                    docs.end(), before);
  docs.resize(count);
  return docs;
}

}  // namespace

Result<SearchResponse> Search(Db* db, const FacetIndex& facets,
                              const SearchRequest& request) {
  // 1. The matching documents (ascending) and, by relevance, their order:
  // from the postings in memory when they can answer, else from FTS5.
  const bool by_rank = !request.fts.empty() && !request.by_date;
  std::vector<std::uint32_t> docs, ranked;
  std::vector<double> scores;  // beside docs, from the postings
  std::vector<std::string> all, none;
  const bool in_memory = !request.fts.empty() && !request.words.empty() &&
                         facets.Terms().Ready() &&
                         TokensOf(request.words, &all) &&
                         TokensOf(request.excluded, &none);
  if (request.fts.empty()) {
    docs = facets.All();
  } else if (in_memory) {
    TermIndex::Matches matches = facets.Terms().Find(all, none);
    docs = std::move(matches.docs);
    scores = std::move(matches.scores);
  } else {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement match,
        db->Prepare(by_rank ? "SELECT rowid FROM search_fts WHERE search_fts "
                              "MATCH ? ORDER BY rank"
                            : "SELECT rowid FROM search_fts WHERE search_fts "
                              "MATCH ?"));
    match.Bind(1, request.fts);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, match.Step());
      if (!row) break;
      docs.push_back(static_cast<std::uint32_t>(match.ColumnInt(0)));
    }
    if (by_rank) ranked = docs;
    std::sort(docs.begin(), docs.end());
  }
  // 2. Filters: OR within a facet, AND between facets.
  for (const auto& [facet, values] : request.filters) {
    if (values.empty()) continue;
    const std::vector<std::uint32_t> having = facets.Having(facet, values);
    std::size_t w = 0, h = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      while (h < having.size() && having[h] < docs[i]) ++h;
      if (h == having.size() || having[h] != docs[i]) continue;
      if (!scores.empty()) scores[w] = scores[i];
      docs[w++] = docs[i];
    }
    docs.resize(w);
    if (!scores.empty()) scores.resize(w);
  }
  SearchResponse response;
  response.total = static_cast<std::int64_t>(docs.size());
  if (request.facets) response.facets = facets.Count(docs);
  // 3. The page.
  const auto offset = static_cast<std::size_t>(std::max(request.offset, 0));
  const auto limit = static_cast<std::size_t>(std::max(request.limit, 0));
  std::vector<std::uint32_t> page;
  if (by_rank && in_memory) {
    // Highest score first; equal scores by document id, as FTS5 orders
    // them.
    std::vector<std::uint32_t> positions(docs.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
      positions[i] = static_cast<std::uint32_t>(i);
    }
    positions = TopOf(std::move(positions), offset + limit,
                      [&](std::uint32_t a, std::uint32_t b) {
                        if (scores[a] != scores[b])
                          return scores[a] > scores[b];
                        return a < b;
                      });
    for (std::size_t i = offset; i < positions.size(); ++i) {
      page.push_back(docs[positions[i]]);
    }
  } else if (by_rank) {
    // By relevance: FTS5's order, keeping the documents that pass the
    // filters.
    std::vector<char> kept(facets.DocumentCount() + 1, 0);
    for (const auto d : docs) {
      if (d < kept.size()) kept[d] = 1;
    }
    std::size_t seen = 0;
    for (const auto d : ranked) {
      if (page.size() >= limit) break;
      if (d >= kept.size() || kept[d] == 0) continue;
      if (seen++ >= offset) page.push_back(d);
    }
  } else if (offset < docs.size()) {
    std::vector<std::uint32_t> top = TopOf(
        std::move(docs), offset + limit, [&](std::uint32_t a, std::uint32_t b) {
          if (request.by_date) {
            const auto da = facets.DateOrder(a);
            const auto db_order = facets.DateOrder(b);
            if (da != db_order) return da > db_order;
          } else {
            const auto ta = facets.TitleOrder(a);
            const auto tb = facets.TitleOrder(b);
            if (ta != tb) return ta < tb;
          }
          return a < b;
        });
    page.assign(top.begin() + static_cast<std::ptrdiff_t>(offset), top.end());
  }
  // 4. The page's documents, with their snippets.
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement doc,
      db->Prepare("SELECT kind, record_id, coalesce(code, ''), title, url, "
                  "countries, year, demo FROM search_doc WHERE id = ?"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement snippet,
      db->Prepare("SELECT snippet(search_fts, -1, char(1), char(2), '…', 12) "
                  "FROM search_fts WHERE search_fts MATCH ? AND rowid = ?"));
  for (const auto d : page) {
    doc.Bind(1, static_cast<std::int64_t>(d));
    COOPATLAS_ASSIGN_OR_RETURN(bool row, doc.Step());
    if (!row) {
      doc.Reset();
      continue;
    }
    SearchHit hit = ReadHit(doc);
    doc.Reset();
    if (!request.fts.empty()) {
      snippet.Bind(1, request.fts).Bind(2, static_cast<std::int64_t>(d));
      COOPATLAS_ASSIGN_OR_RETURN(bool found, snippet.Step());
      if (found) hit.snippet = snippet.ColumnText(0);
      snippet.Reset();
    }
    response.hits.push_back(std::move(hit));
  }
  return response;
}

}  // namespace coopatlas::store
