import { type Kysely, sql } from "kysely";

/**
 * Field work (三联一进, 社区工作日, 民情日记, 大走访): who is linked to which community, grid, compound or
 * courtyard; the district's topic of the month (每月一题); each leader's work day in the linked
 * community and the demands it raised; diary entries by grid workers, community staff and cadres and
 * the demand raised from one; visit campaigns with targets per grid. Work days and diary entries each
 * write the field visit that the 走访清单 lists (field_visits, 0001).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  `CREATE TABLE field_links (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id),
    kind text NOT NULL CHECK (kind IN ('leader_community', 'street_grid', 'department_compound', 'community_courtyard')),
    region_code text NOT NULL REFERENCES regions(code),
    place_id integer REFERENCES places(id),
    since date NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind IN ('department_compound', 'community_courtyard')) = (place_id IS NOT NULL))
  )`,
  // 联系社区: a leader is linked to one community at a time.
  "CREATE UNIQUE INDEX field_links_one_community ON field_links (user_id) WHERE kind = 'leader_community' AND active",
  "CREATE INDEX field_links_region ON field_links (region_code text_pattern_ops)",
  `CREATE TABLE monthly_topics (
    id serial PRIMARY KEY,
    region_code text NOT NULL REFERENCES regions(code),
    month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    warning_id bigint REFERENCES warnings(id),
    set_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (region_code, month)
  )`,
  `CREATE TABLE work_days (
    id bigserial PRIMARY KEY,
    leader_id integer NOT NULL REFERENCES users(id),
    region_code text NOT NULL REFERENCES regions(code),
    worked_on date NOT NULL,
    topic_id integer REFERENCES monthly_topics(id),
    places text NOT NULL CHECK (length(places) BETWEEN 1 AND 500),
    people text NOT NULL CHECK (length(people) BETWEEN 1 AND 500),
    problems text NOT NULL DEFAULT '' CHECK (length(problems) <= 4000),
    cases_coordinated integer NOT NULL DEFAULT 0 CHECK (cases_coordinated BETWEEN 0 AND 1000),
    problems_solved integer NOT NULL DEFAULT 0 CHECK (problems_solved BETWEEN 0 AND 1000),
    field_visit_id bigint NOT NULL REFERENCES field_visits(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX work_days_leader ON work_days (leader_id, worked_on)",
  "CREATE INDEX work_days_region ON work_days (region_code text_pattern_ops, worked_on)",
  `CREATE TABLE work_day_orders (
    work_day_id bigint NOT NULL REFERENCES work_days(id),
    order_id bigint NOT NULL REFERENCES orders(id),
    PRIMARY KEY (work_day_id, order_id)
  )`,
  `CREATE TABLE visit_campaigns (
    id serial PRIMARY KEY,
    region_code text NOT NULL REFERENCES regions(code),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    created_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
  )`,
  `CREATE TABLE visit_campaign_targets (
    campaign_id integer NOT NULL REFERENCES visit_campaigns(id),
    grid_code text NOT NULL REFERENCES regions(code),
    households integer NOT NULL CHECK (households BETWEEN 0 AND 100000),
    buildings integer NOT NULL CHECK (buildings BETWEEN 0 AND 10000),
    PRIMARY KEY (campaign_id, grid_code)
  )`,
  `CREATE TABLE diary_entries (
    id bigserial PRIMARY KEY,
    author_id integer NOT NULL REFERENCES users(id),
    region_code text NOT NULL REFERENCES regions(code),
    written_on date NOT NULL,
    household text NOT NULL CHECK (length(household) BETWEEN 1 AND 100),
    place_id integer REFERENCES places(id),
    heard text NOT NULL CHECK (length(heard) BETWEEN 1 AND 2000),
    mood text NOT NULL CHECK (mood IN ('content', 'neutral', 'worried', 'upset')),
    follow_up text NOT NULL DEFAULT '' CHECK (length(follow_up) <= 1000),
    campaign_id integer REFERENCES visit_campaigns(id),
    order_id bigint REFERENCES orders(id),
    field_visit_id bigint NOT NULL REFERENCES field_visits(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX diary_entries_region ON diary_entries (region_code text_pattern_ops, written_on)",
  "CREATE INDEX diary_entries_campaign ON diary_entries (campaign_id, region_code) WHERE campaign_id IS NOT NULL",
];
