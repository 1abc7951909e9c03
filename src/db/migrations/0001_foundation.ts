import { type Kysely, sql } from "kysely";

/**
 * The whole data model, designed up front for the four first capabilities (foundation, closed loop,
 * web app, assessment) so later migrations add to it instead of rewriting it.
 *
 * Conventions: every business row carries the code of the smallest region it belongs to
 * (`region_code`), so "inside street X" is a prefix match; instants are timestamptz; enumerations
 * are text with CHECK constraints (readable, and extendable without type migrations).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  // 区划与网格: district → street → community → grid, codes are prefixes of each other.
  `CREATE TABLE regions (
    code text PRIMARY KEY,
    name text NOT NULL,
    level text NOT NULL CHECK (level IN ('district','street','community','grid')),
    parent_code text REFERENCES regions(code),
    geometry jsonb,
    min_lng double precision, min_lat double precision, max_lng double precision, max_lat double precision,
    party_branch text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX regions_parent ON regions(parent_code)`,
  `CREATE INDEX regions_level ON regions(level, code)`,

  // 承办单位: departments, street offices, community committees; jurisdiction = region code.
  `CREATE TABLE units (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    name_en text,
    kind text NOT NULL CHECK (kind IN ('command_centre','department','street_office','community_committee','enterprise')),
    region_code text NOT NULL REFERENCES regions(code),
    parent_id integer REFERENCES units(id),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE users (
    id serial PRIMARY KEY,
    username text NOT NULL UNIQUE,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('resident','operator','grid_worker','staff','dispatcher','unit_handler','supervisor','leader','admin')),
    region_code text REFERENCES regions(code),
    unit_id integer REFERENCES units(id),
    phone_cipher text,
    phone_hash text,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX users_region_role ON users(region_code, role)`,
  `CREATE INDEX users_unit ON users(unit_id)`,

  // Sessions live in the database so app servers stay stateless; only a hash of the token is kept.
  `CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX sessions_user ON sessions(user_id)`,

  // 诉求分类: configurable 3-level tree.
  `CREATE TABLE categories (
    code text PRIMARY KEY,
    name text NOT NULL,
    name_en text,
    parent_code text REFERENCES categories(code),
    level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
    active boolean NOT NULL DEFAULT true
  )`,

  // 派单目录: category (+ optional region) → lowest handling level and default unit.
  `CREATE TABLE dispatch_catalogue (
    id serial PRIMARY KEY,
    category_code text NOT NULL REFERENCES categories(code),
    region_code text REFERENCES regions(code),
    handling_level text NOT NULL CHECK (handling_level IN ('grid','community','street','district')),
    unit_id integer REFERENCES units(id),
    assisting_unit_ids integer[] NOT NULL DEFAULT '{}',
    UNIQUE (category_code, region_code)
  )`,

  // 办理时限: most specific rule wins (category prefix, type, urgency).
  `CREATE TABLE time_limit_rules (
    id serial PRIMARY KEY,
    category_prefix text,
    demand_type text,
    urgent boolean NOT NULL DEFAULT false,
    response_minutes integer NOT NULL CHECK (response_minutes > 0),
    handling_unit text NOT NULL CHECK (handling_unit IN ('working_days','calendar_hours')),
    handling_amount integer NOT NULL CHECK (handling_amount > 0)
  )`,

  // 节假日: admin rows that extend or override the official calendar (later years, corrections).
  `CREATE TABLE holidays (
    day date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday','workday')),
    name text NOT NULL
  )`,

  `CREATE TABLE settings (
    key text PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,

  // 工单编号: one counter per China-time day (BL + yyyymmdd + serial).
  `CREATE TABLE order_counters (
    day text PRIMARY KEY,
    last_serial integer NOT NULL
  )`,

  // 诉求/工单: one record holds both the demand (what was asked) and the order (its handling).
  // Lifecycle state, handling level, deadlines and warning are separate columns.
  `CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    order_no text NOT NULL UNIQUE,
    channel text NOT NULL,
    channel_fields jsonb NOT NULL DEFAULT '{}',
    demand_type text NOT NULL CHECK (demand_type IN ('consult','help','complaint','report','suggestion','praise')),
    category_code text REFERENCES categories(code),
    urgent boolean NOT NULL DEFAULT false,
    ledger text NOT NULL DEFAULT 'general' CHECK (ledger IN ('general','difficult','common','suggestion')),
    title text NOT NULL,
    content text NOT NULL,
    address text,
    lng double precision,
    lat double precision,
    region_code text NOT NULL REFERENCES regions(code),
    grid_code text,
    community_code text,
    street_code text,
    caller_name text,
    caller_phone_cipher text,
    caller_phone_hash text,
    caller_phone_masked text,
    confidential boolean NOT NULL DEFAULT false,
    submitted_by integer REFERENCES users(id),
    resident_id integer REFERENCES users(id),
    state text NOT NULL,
    handling_level text NOT NULL CHECK (handling_level IN ('grid','community','street','district')),
    holder_region_code text NOT NULL,
    main_unit_id integer REFERENCES units(id),
    route jsonb,
    version integer NOT NULL DEFAULT 1,
    merged_into_id bigint REFERENCES orders(id),
    solved_on_spot boolean NOT NULL DEFAULT false,
    disposition text CHECK (disposition IN ('solved','explained','handled_by_law')),
    reply_text text,
    accepted_at timestamptz,
    dispatched_at timestamptz,
    signed_at timestamptz,
    replied_at timestamptz,
    closed_at timestamptz,
    response_due_at timestamptz,
    handling_due_at timestamptz,
    original_handling_due_at timestamptz,
    warning_level text NOT NULL DEFAULT 'none' CHECK (warning_level IN ('none','yellow','red')),
    supervised_at timestamptz,
    reopen_count integer NOT NULL DEFAULT 0,
    return_count integer NOT NULL DEFAULT 0,
    urge_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX orders_region ON orders(region_code text_pattern_ops)`,
  `CREATE INDEX orders_holder ON orders(holder_region_code text_pattern_ops, state)`,
  `CREATE INDEX orders_state_due ON orders(state, handling_due_at)`,
  `CREATE INDEX orders_unit ON orders(main_unit_id, state)`,
  `CREATE INDEX orders_created ON orders(created_at)`,
  `CREATE INDEX orders_dispatched ON orders(dispatched_at)`,
  `CREATE INDEX orders_caller ON orders(caller_phone_hash)`,
  `CREATE INDEX orders_grid_created ON orders(grid_code, created_at)`,
  `CREATE INDEX orders_category ON orders(category_code)`,
  `CREATE INDEX orders_merged ON orders(merged_into_id)`,

  // 主办/协办: every unit an order is (or was) assigned to.
  `CREATE TABLE order_assignments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    unit_id integer NOT NULL REFERENCES units(id),
    role text NOT NULL CHECK (role IN ('main','assist')),
    assigned_at timestamptz NOT NULL,
    signed_at timestamptz,
    replied_at timestamptz,
    ended_at timestamptz,
    end_reason text
  )`,
  `CREATE INDEX order_assignments_order ON order_assignments(order_id)`,
  `CREATE INDEX order_assignments_unit ON order_assignments(unit_id, ended_at)`,

  // 服务过程全监督: every transition (and every phone reveal) is an event; the audit trail.
  `CREATE TABLE order_events (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    action text NOT NULL,
    from_state text,
    to_state text,
    actor_id integer REFERENCES users(id),
    actor_role text,
    unit_id integer REFERENCES units(id),
    note text,
    data jsonb NOT NULL DEFAULT '{}',
    at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX order_events_order ON order_events(order_id, id)`,
  `CREATE INDEX order_events_action_at ON order_events(action, at)`,

  `CREATE TABLE attachments (
    id uuid PRIMARY KEY,
    order_id bigint REFERENCES orders(id),
    event_id bigint REFERENCES order_events(id),
    file_name text NOT NULL,
    mime text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX attachments_order ON attachments(order_id)`,

  `CREATE TABLE idempotency_keys (
    user_id integer NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    order_id bigint NOT NULL REFERENCES orders(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
  )`,

  // 延期申请
  `CREATE TABLE extension_requests (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    unit_id integer REFERENCES units(id),
    requested_by integer REFERENCES users(id),
    working_days integer NOT NULL CHECK (working_days > 0),
    reason text NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','approved','rejected')),
    decided_by integer REFERENCES users(id),
    decided_at timestamptz,
    decision_note text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX extension_requests_order ON extension_requests(order_id, state)`,

  // 回访 (一事一评): one per order and round; the caller's rating.
  `CREATE TABLE visits (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    round integer NOT NULL DEFAULT 1,
    token_hash text NOT NULL UNIQUE,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','cancelled')),
    method text CHECK (method IN ('online','phone')),
    solved text CHECK (solved IN ('solved','partly','unsolved')),
    satisfied text CHECK (satisfied IN ('satisfied','basically','unsatisfied')),
    comment text,
    visited_by integer REFERENCES users(id),
    visited_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, round)
  )`,
  `CREATE INDEX visits_visited_at ON visits(visited_at)`,

  // 谁行谁评: the handling unit rates the dispatch.
  `CREATE TABLE dispatch_ratings (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    unit_id integer NOT NULL REFERENCES units(id),
    right_unit boolean NOT NULL,
    reasonable boolean NOT NULL,
    comment text,
    rated_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, unit_id)
  )`,

  // 社会评价: third-party, deputies' and supervisors' spot checks.
  `CREATE TABLE spot_checks (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders(id),
    checker_kind text NOT NULL CHECK (checker_kind IN ('third_party','deputy','supervisor')),
    checker_name text NOT NULL,
    result text NOT NULL CHECK (result IN ('pass','fail')),
    comment text,
    recorded_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  // Database-backed timers: exactly one instance runs each (FOR UPDATE SKIP LOCKED).
  `CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    dedupe_key text UNIQUE,
    payload jsonb NOT NULL DEFAULT '{}',
    run_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    done_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX jobs_due ON jobs(run_at) WHERE done_at IS NULL`,

  // 研判预警
  `CREATE TABLE warnings (
    id bigserial PRIMARY KEY,
    rule text NOT NULL CHECK (rule IN ('category_spike','repeat_caller','common_problem','due_soon')),
    dedupe_key text NOT NULL UNIQUE,
    region_code text NOT NULL,
    category_code text,
    title text NOT NULL,
    detail jsonb NOT NULL DEFAULT '{}',
    order_ids bigint[] NOT NULL DEFAULT '{}',
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','acknowledged','actioned','dismissed')),
    acknowledged_by integer REFERENCES users(id),
    acknowledged_at timestamptz,
    action_note text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX warnings_region ON warnings(region_code text_pattern_ops, state)`,

  // 制度清单: rules/mechanisms made from common problems, linked to the demands they answer.
  `CREATE TABLE institution_rules (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    content text NOT NULL,
    region_code text NOT NULL REFERENCES regions(code),
    category_code text REFERENCES categories(code),
    adopted_on date NOT NULL,
    created_by integer REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE institution_rule_orders (
    rule_id bigint NOT NULL REFERENCES institution_rules(id) ON DELETE CASCADE,
    order_id bigint NOT NULL REFERENCES orders(id),
    PRIMARY KEY (rule_id, order_id)
  )`,

  // 走访清单: leaders' community work days (三联一进) and grid workers' visits.
  `CREATE TABLE field_visits (
    id bigserial PRIMARY KEY,
    visitor_id integer NOT NULL REFERENCES users(id),
    region_code text NOT NULL REFERENCES regions(code),
    visited_on date NOT NULL,
    households integer NOT NULL DEFAULT 0,
    summary text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];
