import { type Kysely, sql } from "kysely";

/**
 * 一核: the party organisations on the region tree (社区党委/党总支/党支部 → 网格党支部/党小组 →
 * 楼栋党小组 → 党员中心户), their members, and the party members and organisations of other units
 * reporting to a community (双报到); joint building (联建共建): a community's 党建共建联合会 or a
 * street's 地区党建联盟 with its member organisations, their 需求清单/资源清单, consultation meetings
 * (议事协商) whose decisions become joint projects (共建项目), each project's steps, and the orders
 * and 共性问题 it resolves. Nothing is deleted: organisations and members retire (active = false).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE party_organisations (
    id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN
      ('committee', 'general_branch', 'branch', 'grid_branch', 'grid_group', 'building_group', 'household')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    region_code text NOT NULL REFERENCES regions(code),
    parent_id integer REFERENCES party_organisations(id),
    place_id integer REFERENCES places(id),
    secretary text CHECK (length(secretary) <= 40),
    founded_on date,
    active boolean NOT NULL DEFAULT true,
    updated_by integer REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX party_organisations_region ON party_organisations (region_code text_pattern_ops)",
  "CREATE INDEX party_organisations_parent ON party_organisations (parent_id)",
  `CREATE TABLE party_members (
    id serial PRIMARY KEY,
    organisation_id integer NOT NULL REFERENCES party_organisations(id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    duty text NOT NULL CHECK (duty IN ('secretary', 'deputy', 'committee', 'member')),
    joined_on date,
    active boolean NOT NULL DEFAULT true,
    updated_by integer REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX party_members_organisation ON party_members (organisation_id)",
  `CREATE TABLE party_reports (
    id serial PRIMARY KEY,
    region_code text NOT NULL REFERENCES regions(code),
    kind text NOT NULL CHECK (kind IN ('member', 'organisation')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    home_unit text NOT NULL CHECK (length(home_unit) BETWEEN 1 AND 80),
    pledge text NOT NULL CHECK (length(pledge) BETWEEN 1 AND 500),
    reported_on date NOT NULL,
    active boolean NOT NULL DEFAULT true,
    recorded_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX party_reports_region ON party_reports (region_code text_pattern_ops)",
  `CREATE TABLE joint_councils (
    id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('council', 'alliance')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    region_code text NOT NULL REFERENCES regions(code),
    founded_on date NOT NULL,
    created_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, region_code)
  )`,
  `CREATE TABLE joint_members (
    id serial PRIMARY KEY,
    council_id integer NOT NULL REFERENCES joint_councils(id),
    kind text NOT NULL CHECK (kind IN
      ('resident_unit', 'property_company', 'owners_committee', 'police_station', 'social_organisation')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    contact text CHECK (length(contact) <= 40),
    active boolean NOT NULL DEFAULT true,
    joined_on date NOT NULL
  )`,
  "CREATE INDEX joint_members_council ON joint_members (council_id)",
  `CREATE TABLE joint_meetings (
    id serial PRIMARY KEY,
    council_id integer NOT NULL REFERENCES joint_councils(id),
    held_on date NOT NULL,
    topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    attendees jsonb NOT NULL DEFAULT '[]',
    minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    created_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX joint_meetings_council ON joint_meetings (council_id, held_on)",
  `CREATE TABLE joint_decisions (
    id serial PRIMARY KEY,
    meeting_id integer NOT NULL REFERENCES joint_meetings(id),
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500)
  )`,
  "CREATE INDEX joint_decisions_meeting ON joint_decisions (meeting_id)",
  `CREATE TABLE joint_projects (
    id serial PRIMARY KEY,
    council_id integer NOT NULL REFERENCES joint_councils(id),
    decision_id integer UNIQUE REFERENCES joint_decisions(id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    owner_member_id integer REFERENCES joint_members(id),
    owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 80),
    due_on date,
    state text NOT NULL DEFAULT 'set' CHECK (state IN ('set', 'advancing', 'solved', 'shelved')),
    set_on date NOT NULL,
    closed_on date,
    created_by integer REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((state IN ('solved', 'shelved')) = (closed_on IS NOT NULL))
  )`,
  "CREATE INDEX joint_projects_council ON joint_projects (council_id, state)",
  `CREATE TABLE joint_project_members (
    project_id integer NOT NULL REFERENCES joint_projects(id),
    member_id integer NOT NULL REFERENCES joint_members(id),
    PRIMARY KEY (project_id, member_id)
  )`,
  `CREATE TABLE joint_project_steps (
    id serial PRIMARY KEY,
    project_id integer NOT NULL REFERENCES joint_projects(id),
    action text NOT NULL CHECK (action IN ('set', 'advance', 'report', 'solve', 'shelve', 'resume')),
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    on_date date NOT NULL,
    by_user integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX joint_project_steps_project ON joint_project_steps (project_id, id)",
  `CREATE TABLE joint_list_items (
    id serial PRIMARY KEY,
    council_id integer NOT NULL REFERENCES joint_councils(id),
    list text NOT NULL CHECK (list IN ('needs', 'resources')),
    member_id integer REFERENCES joint_members(id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    project_id integer REFERENCES joint_projects(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((list = 'resources') = (member_id IS NOT NULL))
  )`,
  "CREATE INDEX joint_list_items_council ON joint_list_items (council_id, list)",
  `CREATE TABLE joint_project_orders (
    project_id integer NOT NULL REFERENCES joint_projects(id),
    order_id bigint NOT NULL REFERENCES orders(id),
    PRIMARY KEY (project_id, order_id)
  )`,
  `CREATE TABLE joint_project_warnings (
    project_id integer NOT NULL REFERENCES joint_projects(id),
    warning_id bigint NOT NULL REFERENCES warnings(id),
    PRIMARY KEY (project_id, warning_id)
  )`,
];
