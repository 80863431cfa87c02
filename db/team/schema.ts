/**
 * The team store's schema on PostgreSQL (issue 15), versioned like the local migrations: each
 * version runs once, in one transaction, recorded in claimtrail.schema_version. `setup` is run by a
 * database owner and is idempotent (a second run applies nothing).
 *
 * - team_cases: one row per team case; its head (seq, hash) is updated only by the append trigger.
 * - team_members: (case, role name, reader | analyst | owner).
 * - team_events: append-only. A BEFORE INSERT trigger (SECURITY DEFINER) locks the case's row
 *   (SELECT … FOR UPDATE: appends to one case are serialized, so seq is gap-free and commit-ordered),
 *   sets the author from session_user (unforgeable), the server time, seq and prev_hash, and computes
 *   the SHA-256 chain: hash = sha256(prev_hash \n case_id \n seq \n author \n at \n kind \n body).
 *   UPDATE, DELETE and TRUNCATE are refused by triggers, for every role, the owner included.
 * - Row-level security: a role sees the rows of the cases it is a member of, and only an analyst or
 *   owner appends; only an owner changes the members.
 * - Grants: the group role claimtrail_team gets SELECT and INSERT (team_members: DELETE too, for
 *   owners by policy); nothing else. Grant it to each analyst's role: GRANT claimtrail_team TO alice.
 */
import type { ClientBase } from 'pg';
import { inTransaction } from './connect';

export const TEAM_GROUP = 'claimtrail_team';

const V1 = `
CREATE TABLE claimtrail.team_cases (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  head_seq bigint NOT NULL DEFAULT 0,
  head_hash text NOT NULL DEFAULT repeat('0', 64)
);
CREATE TABLE claimtrail.team_members (
  case_id text NOT NULL REFERENCES claimtrail.team_cases (id),
  role_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reader', 'analyst', 'owner')),
  PRIMARY KEY (case_id, role_name)
);
CREATE TABLE claimtrail.team_events (
  case_id text NOT NULL REFERENCES claimtrail.team_cases (id),
  seq bigint NOT NULL,
  id text NOT NULL UNIQUE,
  author text NOT NULL,
  at text NOT NULL,
  kind text NOT NULL,
  body text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- The caller's role in a case (null: not a member). SECURITY DEFINER so policies can read members.
CREATE FUNCTION claimtrail.member_role(c text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS
$$ SELECT role FROM claimtrail.team_members WHERE case_id = c AND role_name = session_user $$;

CREATE FUNCTION claimtrail.case_created() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS $$
BEGIN
  IF TG_WHEN = 'BEFORE' THEN
    NEW.created_by := session_user; NEW.created_at := now();
    NEW.head_seq := 0; NEW.head_hash := repeat('0', 64);
    RETURN NEW;
  END IF;
  INSERT INTO claimtrail.team_members (case_id, role_name, role) VALUES (NEW.id, session_user, 'owner');
  RETURN NULL;
END $$;
CREATE TRIGGER team_cases_before BEFORE INSERT ON claimtrail.team_cases FOR EACH ROW EXECUTE FUNCTION claimtrail.case_created();
CREATE TRIGGER team_cases_after AFTER INSERT ON claimtrail.team_cases FOR EACH ROW EXECUTE FUNCTION claimtrail.case_created();

CREATE FUNCTION claimtrail.event_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS $$
DECLARE h record; r text;
BEGIN
  r := claimtrail.member_role(NEW.case_id);
  IF r IS NULL OR r NOT IN ('analyst', 'owner') THEN
    RAISE EXCEPTION 'role % may not append to team case %: it is %', session_user, NEW.case_id, coalesce('a ' || r, 'not a member')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT head_seq, head_hash INTO h FROM claimtrail.team_cases WHERE id = NEW.case_id FOR UPDATE;
  NEW.seq := h.head_seq + 1;
  NEW.prev_hash := h.head_hash;
  NEW.author := session_user;
  NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  NEW.hash := encode(sha256(convert_to(concat_ws(E'\\n', NEW.prev_hash, NEW.case_id, NEW.seq::text, NEW.author, NEW.at, NEW.kind, NEW.body), 'UTF8')), 'hex');
  UPDATE claimtrail.team_cases SET head_seq = NEW.seq, head_hash = NEW.hash WHERE id = NEW.case_id;
  RETURN NEW;
END $$;
CREATE TRIGGER team_events_append BEFORE INSERT ON claimtrail.team_events FOR EACH ROW EXECUTE FUNCTION claimtrail.event_appended();

CREATE FUNCTION claimtrail.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'claimtrail.%: events are append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER team_events_no_update BEFORE UPDATE OR DELETE ON claimtrail.team_events FOR EACH ROW EXECUTE FUNCTION claimtrail.refuse_change();
CREATE TRIGGER team_events_no_truncate BEFORE TRUNCATE ON claimtrail.team_events FOR EACH STATEMENT EXECUTE FUNCTION claimtrail.refuse_change();

ALTER TABLE claimtrail.team_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimtrail.team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimtrail.team_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_read ON claimtrail.team_cases FOR SELECT USING (claimtrail.member_role(id) IS NOT NULL);
CREATE POLICY cases_create ON claimtrail.team_cases FOR INSERT WITH CHECK (true);
CREATE POLICY members_read ON claimtrail.team_members FOR SELECT USING (claimtrail.member_role(case_id) IS NOT NULL);
CREATE POLICY members_add ON claimtrail.team_members FOR INSERT WITH CHECK (claimtrail.member_role(case_id) = 'owner');
CREATE POLICY members_remove ON claimtrail.team_members FOR DELETE USING (claimtrail.member_role(case_id) = 'owner');
CREATE POLICY events_read ON claimtrail.team_events FOR SELECT USING (claimtrail.member_role(case_id) IS NOT NULL);
CREATE POLICY events_append ON claimtrail.team_events FOR INSERT WITH CHECK (claimtrail.member_role(case_id) IN ('analyst', 'owner'));

GRANT USAGE ON SCHEMA claimtrail TO ${TEAM_GROUP};
GRANT SELECT, INSERT ON claimtrail.team_cases, claimtrail.team_events TO ${TEAM_GROUP};
GRANT SELECT, INSERT, DELETE ON claimtrail.team_members TO ${TEAM_GROUP};
REVOKE ALL ON FUNCTION claimtrail.member_role(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimtrail.member_role(text) TO ${TEAM_GROUP};
`;

/**
 * V2, sync: every appended row names the head its writer expects (after_seq): the append trigger
 * refuses the row (serialization_failure, so the whole push rolls back) when someone else wrote
 * first, so a client always pushes on top of everything it has pulled. Each append notifies
 * channel claimtrail_events with its case id and seq (LISTEN: live updates; a payload names no content).
 */
const V2 = `
ALTER TABLE claimtrail.team_events ADD COLUMN after_seq bigint;
CREATE OR REPLACE FUNCTION claimtrail.event_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS $$
DECLARE h record; r text;
BEGIN
  r := claimtrail.member_role(NEW.case_id);
  IF r IS NULL OR r NOT IN ('analyst', 'owner') THEN
    RAISE EXCEPTION 'role % may not append to team case %: it is %', session_user, NEW.case_id, coalesce('a ' || r, 'not a member')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT head_seq, head_hash INTO h FROM claimtrail.team_cases WHERE id = NEW.case_id FOR UPDATE;
  IF NEW.after_seq IS DISTINCT FROM h.head_seq THEN
    RAISE EXCEPTION 'team case %: the log is at %, the row expects %: pull first', NEW.case_id, h.head_seq, NEW.after_seq
      USING ERRCODE = 'serialization_failure';
  END IF;
  NEW.seq := h.head_seq + 1;
  NEW.prev_hash := h.head_hash;
  NEW.author := session_user;
  NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  NEW.hash := encode(sha256(convert_to(concat_ws(E'\\n', NEW.prev_hash, NEW.case_id, NEW.seq::text, NEW.author, NEW.at, NEW.kind, NEW.body), 'UTF8')), 'hex');
  UPDATE claimtrail.team_cases SET head_seq = NEW.seq, head_hash = NEW.hash WHERE id = NEW.case_id;
  PERFORM pg_notify('claimtrail_events', NEW.case_id || ' ' || NEW.seq::text);
  RETURN NEW;
END $$;
`;

/**
 * V3, appends at scale: updating the case's head row once per appended row made a long upload
 * quadratic (every update of one row in one transaction adds a version the next lookup walks: 4,000
 * rows took 545 µs a row, 2,000 took 314). The row trigger now locks the case row (FOR UPDATE, no
 * new version) and reads the head from the case's last event (primary-key index, this transaction's
 * own rows included); a statement-level trigger moves team_cases' head once per INSERT statement and
 * sends one NOTIFY per case and statement.
 */
const V3 = `
CREATE OR REPLACE FUNCTION claimtrail.event_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS $$
DECLARE h record; r text; last_seq bigint; last_hash text;
BEGIN
  r := claimtrail.member_role(NEW.case_id);
  IF r IS NULL OR r NOT IN ('analyst', 'owner') THEN
    RAISE EXCEPTION 'role % may not append to team case %: it is %', session_user, NEW.case_id, coalesce('a ' || r, 'not a member')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM 1 FROM claimtrail.team_cases WHERE id = NEW.case_id FOR UPDATE;
  SELECT seq, hash INTO h FROM claimtrail.team_events WHERE case_id = NEW.case_id ORDER BY seq DESC LIMIT 1;
  last_seq := coalesce(h.seq, 0);
  last_hash := coalesce(h.hash, repeat('0', 64));
  IF NEW.after_seq IS DISTINCT FROM last_seq THEN
    RAISE EXCEPTION 'team case %: the log is at %, the row expects %: pull first', NEW.case_id, last_seq, NEW.after_seq
      USING ERRCODE = 'serialization_failure';
  END IF;
  NEW.seq := last_seq + 1;
  NEW.prev_hash := last_hash;
  NEW.author := session_user;
  NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  NEW.hash := encode(sha256(convert_to(concat_ws(E'\\n', NEW.prev_hash, NEW.case_id, NEW.seq::text, NEW.author, NEW.at, NEW.kind, NEW.body), 'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE FUNCTION claimtrail.events_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, claimtrail AS $$
DECLARE n record;
BEGIN
  FOR n IN SELECT DISTINCT ON (case_id) case_id, seq, hash FROM new_rows ORDER BY case_id, seq DESC LOOP
    UPDATE claimtrail.team_cases SET head_seq = n.seq, head_hash = n.hash WHERE id = n.case_id;
    PERFORM pg_notify('claimtrail_events', n.case_id || ' ' || n.seq::text);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER team_events_appended AFTER INSERT ON claimtrail.team_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claimtrail.events_appended();
`;

/** Every schema version, in order: the index is the version minus one. Append only. */
export const TEAM_VERSIONS: readonly string[] = [V1, V2, V3];

export interface SetupResult {
  from: number;
  to: number;
  applied: number[];
}

/** Creates or upgrades the team schema; a second run applies nothing. One transaction. */
export async function setupTeam(client: ClientBase): Promise<SetupResult> {
  return inTransaction(client, async () => {
    // Two owners running setup at once: the second waits, then finds the versions applied.
    await client.query('SELECT pg_advisory_xact_lock(1501)');
    await client.query('CREATE SCHEMA IF NOT EXISTS claimtrail');
    await client.query('CREATE TABLE IF NOT EXISTS claimtrail.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const roleExists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [TEAM_GROUP]);
    if (!roleExists.rowCount) await client.query(`CREATE ROLE ${TEAM_GROUP} NOLOGIN`);
    const cur = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM claimtrail.schema_version');
    const from = cur.rows[0]?.v ?? 0;
    const applied: number[] = [];
    for (let v = from + 1; v <= TEAM_VERSIONS.length; v++) {
      await client.query(TEAM_VERSIONS[v - 1]!);
      await client.query('INSERT INTO claimtrail.schema_version (version) VALUES ($1)', [v]);
      applied.push(v);
    }
    return { from, to: TEAM_VERSIONS.length, applied };
  });
}
