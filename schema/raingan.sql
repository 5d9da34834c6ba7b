-- raingan's relational schema, version 1: the output contract
-- (schema/raingan-output.schema.json) as tables, for SQLite and PostgreSQL.
--
-- `raingan load OUT --db URL` and `raingan batch ... --db URL` create it
-- when the database has none (this very text is compiled into raingan), or
-- run it yourself: `sqlite3 FILE < schema/raingan.sql`,
-- `psql URL -f schema/raingan.sql`. Every statement is idempotent.
--
-- One text for both databases. It keeps to what both accept:
--   - no generated keys: documents.document_id is computed by raingan from
--     the document's identity (the first 63 bits of a SHA-256 of its
--     sha256 and source path), so both databases need no sequence, a
--     document keeps its id across reloads and databases, and children
--     reference (document_id, <n>) without asking the database for ids;
--   - type names PostgreSQL enforces and SQLite takes as affinities:
--     DATE and TIMESTAMPTZ are typed in PostgreSQL and ISO-8601 text in
--     SQLite ('2024-10-01', '2025-03-04T05:06:07Z'), which sorts and
--     compares the same way; BIGINT, INTEGER, DOUBLE PRECISION, TEXT;
--   - no booleans, arrays or JSON columns: lists are child tables.
--
-- Conventions. Unknown is NULL (as `null` in the JSON). Children carry
-- their document's id and a 1-based position (`*_no`, `position`) in the
-- JSON's order; deleting a document deletes its rows (ON DELETE CASCADE;
-- SQLite needs `PRAGMA foreign_keys = ON`, which raingan sets). Keys
-- present only in newer JSON (status, status_reason, issues, review,
-- provenance.table_kind, period.runs) are NULL, or have no rows, for
-- output written before them.
--
-- A document is (sha256, source_path): loading it again with the same
-- output changes nothing; with another output (other settings, a newer
-- raingan) its rows are replaced, in one transaction.

CREATE TABLE IF NOT EXISTS raingan_schema (
  version INTEGER NOT NULL
);
INSERT INTO raingan_schema (version)
  SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM raingan_schema);

-- One row per input of a batch: a line of results.jsonl, with the facts of
-- its document JSON (none for a failed input).
CREATE TABLE IF NOT EXISTS documents (
  document_id        BIGINT PRIMARY KEY,
  sha256             TEXT NOT NULL,   -- of the input's bytes; '' if unreadable
  source_path        TEXT NOT NULL,   -- as the batch was given it
  format             TEXT,            -- text | pdf | image
  kind               TEXT,            -- ita_report | anticorruption_plan | unknown
  title              TEXT,
  organization       TEXT,            -- e.g. องค์การบริหารส่วนตำบลยางราก
  district           TEXT,            -- อำเภอ, without the prefix
  province           TEXT,            -- จังหวัด, without the prefix
  fiscal_year_be     INTEGER,         -- Buddhist Era; a plan: its first year
  fiscal_year_be_end INTEGER,         -- a plan: its last year
  pages              INTEGER,         -- NULL for text exports
  status             TEXT NOT NULL,   -- ok | partial | failed
  status_reason      TEXT,            -- the JSON's status_reason
  error              TEXT,            -- why partial or failed
  measure_count      INTEGER NOT NULL,
  seconds            DOUBLE PRECISION, -- extraction wall-clock time
  settings           TEXT NOT NULL,   -- what the output depends on besides the input
  output_path        TEXT,            -- documents/<name>.json in the batch directory
  output_sha256      TEXT,            -- of that file as loaded
  schema_version     TEXT,            -- of that file
  extracted_at       TIMESTAMPTZ,     -- when that file was written (UTC)
  loaded_at          TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (sha256, source_path)
);
CREATE INDEX IF NOT EXISTS documents_by_province
  ON documents (province, fiscal_year_be);
CREATE INDEX IF NOT EXISTS documents_by_fiscal_year
  ON documents (fiscal_year_be);
CREATE INDEX IF NOT EXISTS documents_by_organization
  ON documents (organization, fiscal_year_be);
CREATE INDEX IF NOT EXISTS documents_by_source_path
  ON documents (source_path);

-- Typed document issues (JSON "issues").
CREATE TABLE IF NOT EXISTS document_issues (
  document_id BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  code        TEXT NOT NULL,    -- e.g. table_no_records
  stage       TEXT,
  page        INTEGER,
  message     TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);

-- Document warnings (JSON "warnings": messages).
CREATE TABLE IF NOT EXISTS document_warnings (
  document_id BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  message     TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);

-- One row per measure record (a line of measures.jsonl).
CREATE TABLE IF NOT EXISTS measures (
  document_id  BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  measure_no   INTEGER NOT NULL,   -- 1-based place in the document's measures
  printed_id   TEXT,               -- the JSON's "id": "1.1"; plans "2-3"
  section      TEXT,
  measure      TEXT NOT NULL,
  period_text  TEXT,               -- as printed
  period_start DATE,               -- NULL: the period could not be read
  period_end   DATE,
  budget_baht  BIGINT,             -- plan project sheets
  confidence   DOUBLE PRECISION NOT NULL,  -- 1 for text layers
  page         INTEGER,            -- provenance
  line         INTEGER,
  table_no     INTEGER NOT NULL,   -- logical table (plans: 0)
  row_no       INTEGER NOT NULL,   -- data row in that table
  bbox_x0      DOUBLE PRECISION,   -- PDF points, origin top-left
  bbox_y0      DOUBLE PRECISION,
  bbox_x1      DOUBLE PRECISION,
  bbox_y1      DOUBLE PRECISION,
  table_kind   TEXT,               -- ruled | aligned | delimited
  PRIMARY KEY (document_id, measure_no)
);
CREATE INDEX IF NOT EXISTS measures_by_period_start
  ON measures (period_start);

-- The list fields of a measure, one item per row: method, owner, output,
-- outcome, recommendation, and extra.<name> for the JSON's "extra" lists
-- (plans: extra.objectives, extra.target_group, ...).
CREATE TABLE IF NOT EXISTS measure_items (
  document_id      BIGINT NOT NULL,
  measure_no       INTEGER NOT NULL,
  field            TEXT NOT NULL,
  position         INTEGER NOT NULL,   -- 1-based within the field
  text             TEXT NOT NULL,
  field_confidence DOUBLE PRECISION,   -- OCR: the field's; NULL for text layers
  PRIMARY KEY (document_id, measure_no, field, position),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);

-- OCR confidence of every field of a measure (JSON "field_confidence"),
-- including the single-valued ones (measure, period). None for text layers.
CREATE TABLE IF NOT EXISTS measure_field_confidence (
  document_id BIGINT NOT NULL,
  measure_no  INTEGER NOT NULL,
  field       TEXT NOT NULL,
  confidence  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (document_id, measure_no, field),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS measure_field_confidence_by_confidence
  ON measure_field_confidence (confidence);

-- The fields a clerk should check (JSON "review").
CREATE TABLE IF NOT EXISTS measure_review (
  document_id BIGINT NOT NULL,
  measure_no  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  field       TEXT NOT NULL,
  reason      TEXT,
  PRIMARY KEY (document_id, measure_no, position),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS measure_warnings (
  document_id BIGINT NOT NULL,
  measure_no  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  message     TEXT NOT NULL,
  PRIMARY KEY (document_id, measure_no, position),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);

-- Fiscal years a period names (JSON "period.fiscal_years"), BE.
CREATE TABLE IF NOT EXISTS measure_fiscal_years (
  document_id    BIGINT NOT NULL,
  measure_no     INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  fiscal_year_be INTEGER NOT NULL,
  PRIMARY KEY (document_id, measure_no, position),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);

-- Runs of ticked month columns (JSON "period.runs"); the measure's
-- period_start and period_end span them all.
CREATE TABLE IF NOT EXISTS measure_period_runs (
  document_id BIGINT NOT NULL,
  measure_no  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  run_start   DATE NOT NULL,
  run_end     DATE NOT NULL,
  PRIMARY KEY (document_id, measure_no, position),
  FOREIGN KEY (document_id, measure_no)
    REFERENCES measures (document_id, measure_no) ON DELETE CASCADE
);

-- Anti-corruption plans: the budget table's project lines ...
CREATE TABLE IF NOT EXISTS budget_lines (
  document_id        BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  line_no            INTEGER NOT NULL,
  dimension          INTEGER NOT NULL,   -- มิติที่ N
  mission            TEXT,
  project            TEXT NOT NULL,
  remark             TEXT,
  measure_printed_id TEXT,               -- the project sheet: measures.printed_id
  page               INTEGER,
  line               INTEGER,
  bbox_x0            DOUBLE PRECISION,
  bbox_y0            DOUBLE PRECISION,
  bbox_x1            DOUBLE PRECISION,
  bbox_y1            DOUBLE PRECISION,
  PRIMARY KEY (document_id, line_no)
);

-- ... their amount per year (NULL: the cell was blank; 0: "-" or no budget) ...
CREATE TABLE IF NOT EXISTS budget_line_amounts (
  document_id    BIGINT NOT NULL,
  line_no        INTEGER NOT NULL,
  fiscal_year_be INTEGER NOT NULL,
  amount_baht    BIGINT,
  PRIMARY KEY (document_id, line_no, fiscal_year_be),
  FOREIGN KEY (document_id, line_no)
    REFERENCES budget_lines (document_id, line_no) ON DELETE CASCADE
);

-- ... the total rows, per dimension (NULL: the grand total) ...
CREATE TABLE IF NOT EXISTS budget_totals (
  document_id BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  total_no    INTEGER NOT NULL,
  dimension   INTEGER,
  PRIMARY KEY (document_id, total_no)
);

-- ... and per year the sum the document states and the sum of its lines.
CREATE TABLE IF NOT EXISTS budget_total_amounts (
  document_id    BIGINT NOT NULL,
  total_no       INTEGER NOT NULL,
  fiscal_year_be INTEGER NOT NULL,
  stated_baht    BIGINT,
  computed_baht  BIGINT,
  PRIMARY KEY (document_id, total_no, fiscal_year_be),
  FOREIGN KEY (document_id, total_no)
    REFERENCES budget_totals (document_id, total_no) ON DELETE CASCADE
);

-- The plan's risk-assessment table ...
CREATE TABLE IF NOT EXISTS risks (
  document_id BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  risk_no     INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  step        TEXT NOT NULL,
  risk_score  TEXT,
  page        INTEGER,
  line        INTEGER,
  PRIMARY KEY (document_id, risk_no)
);

-- ... and its lists: field 'risks' or 'controls'.
CREATE TABLE IF NOT EXISTS risk_items (
  document_id BIGINT NOT NULL,
  risk_no     INTEGER NOT NULL,
  field       TEXT NOT NULL,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (document_id, risk_no, field, position),
  FOREIGN KEY (document_id, risk_no)
    REFERENCES risks (document_id, risk_no) ON DELETE CASCADE
);

-- ITA score lines of reports (JSON "scores").
CREATE TABLE IF NOT EXISTS ita_scores (
  document_id BIGINT NOT NULL REFERENCES documents (document_id) ON DELETE CASCADE,
  score_no    INTEGER NOT NULL,
  indicator   TEXT NOT NULL,   -- "1", ..., "overall"
  name        TEXT,
  score       DOUBLE PRECISION,
  grade       TEXT,
  PRIMARY KEY (document_id, score_no)
);
