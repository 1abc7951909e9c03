import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** A timestamptz column: Date out, Date or ISO string in. */
type Instant = ColumnType<Date, Date | string, Date | string>;
type DefaultInstant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type RegionLevel = "district" | "street" | "community" | "grid";
export type HandlingLevel = "grid" | "community" | "street" | "district";
export type Role =
  | "resident"
  | "operator"
  | "grid_worker"
  | "staff"
  | "dispatcher"
  | "unit_handler"
  | "supervisor"
  | "leader"
  | "admin";
export type UnitKind =
  | "command_centre"
  | "department"
  | "street_office"
  | "community_committee"
  | "enterprise";

export interface RegionsTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  geometry: Json<unknown> | null;
  min_lng: number | null;
  min_lat: number | null;
  max_lng: number | null;
  max_lat: number | null;
  party_branch: string | null;
  created_at: DefaultInstant;
}

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  kind: UnitKind;
  region_code: string;
  parent_id: number | null;
  active: Generated<boolean>;
  created_at: DefaultInstant;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string | null;
  unit_id: number | null;
  phone_cipher: string | null;
  phone_hash: string | null;
  active: Generated<boolean>;
  created_at: DefaultInstant;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultInstant;
  expires_at: Instant;
}

export interface CategoriesTable {
  code: string;
  name: string;
  name_en: string | null;
  parent_code: string | null;
  level: number;
  active: Generated<boolean>;
}

export interface DispatchCatalogueTable {
  id: Generated<number>;
  category_code: string;
  region_code: string | null;
  handling_level: HandlingLevel;
  unit_id: number | null;
  assisting_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
}

export interface TimeLimitRulesTable {
  id: Generated<number>;
  category_prefix: string | null;
  demand_type: string | null;
  urgent: boolean;
  response_minutes: number;
  handling_unit: "working_days" | "calendar_hours";
  handling_amount: number;
}

export interface HolidaysTable {
  day: ColumnType<string, string, string>;
  kind: "holiday" | "workday";
  name: string;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: DefaultInstant;
}

export interface OrderCountersTable {
  day: string;
  last_serial: number;
}

export interface OrdersTable {
  id: Generated<string>;
  order_no: string;
  channel: string;
  channel_fields: Json<Record<string, unknown>>;
  demand_type: string;
  category_code: string | null;
  urgent: boolean;
  ledger: Generated<string>;
  title: string;
  content: string;
  /** The content's distinct words, space-separated (for duplicate suggestions). */
  terms: ColumnType<string, string | undefined, string>;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_code: string;
  grid_code: string | null;
  community_code: string | null;
  street_code: string | null;
  caller_name: string | null;
  caller_phone_cipher: string | null;
  caller_phone_hash: string | null;
  caller_phone_masked: string | null;
  confidential: boolean;
  submitted_by: number | null;
  resident_id: number | null;
  state: string;
  handling_level: HandlingLevel;
  holder_region_code: string;
  main_unit_id: number | null;
  route: Json<unknown> | null;
  version: Generated<number>;
  merged_into_id: string | null;
  solved_on_spot: Generated<boolean>;
  disposition: string | null;
  reply_text: string | null;
  accepted_at: Instant | null;
  dispatched_at: Instant | null;
  signed_at: Instant | null;
  replied_at: Instant | null;
  closed_at: Instant | null;
  response_due_at: Instant | null;
  handling_due_at: Instant | null;
  original_handling_due_at: Instant | null;
  warning_level: Generated<string>;
  supervised_at: Instant | null;
  reopen_count: Generated<number>;
  return_count: Generated<number>;
  urge_count: Generated<number>;
  created_at: DefaultInstant;
  updated_at: DefaultInstant;
  /** Random, on the caller's receipt: with the order number it tracks the order without an account. */
  tracking_code: Generated<string>;
}

/** Every anonymous tracking attempt (查询记录), found or not; the throttles count these. */
/** A guessable attempt — sign-in, tracking lookup, rating link — as the throttle counts it (0011). */
export interface AttemptsTable {
  id: Generated<string>;
  kind: "login" | "tracking" | "rating" | "phone_code";
  /** What was tried: the username as typed, the order number, or "" (rating links). */
  subject: string;
  /** The client's address (IPv6: its /64), as the server sees it (behind a trusted proxy: the forwarded one). */
  client: string;
  outcome: "ok" | "wrong" | "throttled";
  at: DefaultInstant;
}

export interface OrderAssignmentsTable {
  id: Generated<string>;
  order_id: string;
  unit_id: number;
  role: "main" | "assist";
  assigned_at: Instant;
  signed_at: Instant | null;
  replied_at: Instant | null;
  ended_at: Instant | null;
  end_reason: string | null;
}

export interface OrderEventsTable {
  id: Generated<string>;
  order_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: number | null;
  actor_role: string | null;
  unit_id: number | null;
  note: string | null;
  data: Json<Record<string, unknown>>;
  at: DefaultInstant;
  /** Filled by the database's insert trigger (hash chain per order, migration 0012). */
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}

export interface AttachmentsTable {
  id: string;
  order_id: string | null;
  event_id: string | null;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  created_at: DefaultInstant;
}

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  request_hash: string;
  order_id: string;
  created_at: DefaultInstant;
}

export interface ExtensionRequestsTable {
  id: Generated<string>;
  order_id: string;
  unit_id: number | null;
  requested_by: number | null;
  working_days: number;
  reason: string;
  state: Generated<"pending" | "approved" | "rejected">;
  decided_by: number | null;
  decided_at: Instant | null;
  decision_note: string | null;
  created_at: DefaultInstant;
}

export interface VisitsTable {
  id: Generated<string>;
  order_id: string;
  round: number;
  token_hash: string;
  state: Generated<"pending" | "done" | "cancelled">;
  method: "online" | "phone" | null;
  solved: "solved" | "partly" | "unsolved" | null;
  satisfied: "satisfied" | "basically" | "unsatisfied" | null;
  comment: string | null;
  visited_by: number | null;
  visited_at: Instant | null;
  created_at: DefaultInstant;
}

export interface DispatchRatingsTable {
  id: Generated<string>;
  order_id: string;
  unit_id: number;
  right_unit: boolean;
  reasonable: boolean;
  comment: string | null;
  rated_by: number | null;
  created_at: DefaultInstant;
}

export interface SpotChecksTable {
  id: Generated<string>;
  order_id: string;
  checker_kind: "third_party" | "deputy" | "supervisor";
  checker_name: string;
  result: "pass" | "fail";
  comment: string | null;
  recorded_by: number | null;
  created_at: DefaultInstant;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  dedupe_key: string | null;
  payload: Json<Record<string, unknown>>;
  run_at: Instant;
  attempts: Generated<number>;
  locked_until: Instant | null;
  done_at: Instant | null;
  last_error: string | null;
  created_at: DefaultInstant;
}

export interface WarningsTable {
  id: Generated<string>;
  rule: "category_spike" | "repeat_caller" | "common_problem" | "due_soon";
  dedupe_key: string;
  region_code: string;
  category_code: string | null;
  title: string;
  detail: Json<Record<string, unknown>>;
  order_ids: ColumnType<string[], string[] | undefined, string[]>;
  state: Generated<"open" | "acknowledged" | "actioned" | "dismissed">;
  acknowledged_by: number | null;
  acknowledged_at: Instant | null;
  action_note: string | null;
  handled_by: number | null;
  handled_at: Instant | null;
  created_at: DefaultInstant;
  updated_at: DefaultInstant;
}

export interface InstitutionRulesTable {
  id: Generated<string>;
  title: string;
  content: string;
  region_code: string;
  category_code: string | null;
  adopted_on: string;
  created_by: number | null;
  created_at: DefaultInstant;
}

export interface InstitutionRuleOrdersTable {
  rule_id: string;
  order_id: string;
}

export interface FieldVisitsTable {
  id: Generated<string>;
  visitor_id: number;
  region_code: string;
  visited_on: string;
  households: Generated<number>;
  summary: string;
  created_at: DefaultInstant;
}

/** 地名地址 a gazetteer entry (see migration 0008). */
export interface PlacesTable {
  id: Generated<number>;
  kind: "compound" | "building" | "road" | "landmark";
  name: string;
  aliases: Json<string[]>;
  category: string | null;
  lng: number;
  lat: number;
  road: Json<{ path: [number, number][]; from: number; to: number }> | null;
  extent_m: number | null;
  compound_id: number | null;
  source: "demo" | "admin" | "import";
  active: Generated<boolean>;
  updated_by: number | null;
  updated_at: DefaultInstant;
}

/** The database as Kysely sees it. */
export interface DB {
  regions: RegionsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  dispatch_catalogue: DispatchCatalogueTable;
  time_limit_rules: TimeLimitRulesTable;
  holidays: HolidaysTable;
  settings: SettingsTable;
  order_counters: OrderCountersTable;
  demo_history_fill: DemoHistoryFillTable;
  orders: OrdersTable;
  order_assignments: OrderAssignmentsTable;
  order_events: OrderEventsTable;
  attachments: AttachmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  extension_requests: ExtensionRequestsTable;
  visits: VisitsTable;
  dispatch_ratings: DispatchRatingsTable;
  spot_checks: SpotChecksTable;
  jobs: JobsTable;
  warnings: WarningsTable;
  institution_rules: InstitutionRulesTable;
  institution_rule_orders: InstitutionRuleOrdersTable;
  field_visits: FieldVisitsTable;
  routing_labels: RoutingLabelsTable;
  routing_models: RoutingModelsTable;
  places: PlacesTable;
  attempts: AttemptsTable;
  city_sources: CitySourcesTable;
  city_imports: CityImportsTable;
  city_import_problems: CityImportProblemsTable;
  city_work_orders: CityWorkOrdersTable;
  city_push_nonces: CityPushNoncesTable;
  outbox_messages: OutboxMessagesTable;
  party_organisations: PartyOrganisationsTable;
  party_members: PartyMembersTable;
  party_reports: PartyReportsTable;
  joint_councils: JointCouncilsTable;
  joint_members: JointMembersTable;
  joint_meetings: JointMeetingsTable;
  joint_decisions: JointDecisionsTable;
  joint_projects: JointProjectsTable;
  joint_project_members: JointProjectMembersTable;
  joint_project_steps: JointProjectStepsTable;
  joint_list_items: JointListItemsTable;
  joint_project_orders: JointProjectOrdersTable;
  joint_project_warnings: JointProjectWarningsTable;
  audit_log: AuditLogTable;
  open311_keys: Open311KeysTable;
  open311_requests: Open311RequestsTable;
  chain_anchors: ChainAnchorsTable;
  field_links: FieldLinksTable;
  monthly_topics: MonthlyTopicsTable;
  work_days: WorkDaysTable;
  work_day_orders: WorkDayOrdersTable;
  visit_campaigns: VisitCampaignsTable;
  visit_campaign_targets: VisitCampaignTargetsTable;
  diary_entries: DiaryEntriesTable;
  community_services: CommunityServicesTable;
  community_service_regions: CommunityServiceRegionsTable;
  service_applications: ServiceApplicationsTable;
  service_application_steps: ServiceApplicationStepsTable;
  service_files: ServiceFilesTable;
  publications: PublicationsTable;
  publication_versions: PublicationVersionsTable;
  publication_photos: PublicationPhotosTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_log: NotificationLogTable;
  phone_codes: PhoneCodesTable;
}

/** 三联一进: a leader ↔ community, street cadre ↔ grid, department cadre ↔ compound, community cadre ↔ courtyard (0028). */
export interface FieldLinksTable {
  id: Generated<number>;
  user_id: number;
  kind: "leader_community" | "street_grid" | "department_compound" | "community_courtyard";
  region_code: string;
  place_id: number | null;
  since: string;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: DefaultInstant;
}

/** 每月一题: the district's topic of the month (0028). */
export interface MonthlyTopicsTable {
  id: Generated<number>;
  region_code: string;
  month: string;
  title: string;
  warning_id: string | null;
  set_by: number | null;
  created_at: DefaultInstant;
}

/** 社区工作日: one leader's day in the linked community (0028). */
export interface WorkDaysTable {
  id: Generated<string>;
  leader_id: number;
  region_code: string;
  worked_on: string;
  topic_id: number | null;
  places: string;
  people: string;
  problems: Generated<string>;
  cases_coordinated: Generated<number>;
  problems_solved: Generated<number>;
  field_visit_id: string;
  created_at: DefaultInstant;
}

/** The demands a work day raised (0028). */
export interface WorkDayOrdersTable {
  work_day_id: string;
  order_id: string;
}

/** 大走访: a visit campaign (0028). */
export interface VisitCampaignsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  created_by: number | null;
  created_at: DefaultInstant;
}

/** A campaign's target households and buildings in one grid (0028). */
export interface VisitCampaignTargetsTable {
  campaign_id: number;
  grid_code: string;
  households: number;
  buildings: number;
}

/** 民情日记: one diary entry (0028). */
export interface DiaryEntriesTable {
  id: Generated<string>;
  author_id: number;
  region_code: string;
  written_on: string;
  household: string;
  place_id: number | null;
  heard: string;
  mood: "content" | "neutral" | "worried" | "upset";
  follow_up: Generated<string>;
  campaign_id: number | null;
  order_id: string | null;
  field_visit_id: string;
  /** The writer's Idempotency-Key and the hash of the body sent with it (0035). */
  idempotency_key: Generated<string | null>;
  request_hash: Generated<string | null>;
}

/** A staff member's in-app notification (站内通知): an event code with parameters, rendered by the reader (0025). */
export interface NotificationsTable {
  id: Generated<string>;
  user_id: number;
  event: string;
  params: Json<Record<string, string | number>>;
  order_id: string | null;
  urgent: Generated<boolean>;
  created_at: DefaultInstant;
  read_at: Instant | null;
}

/** Which events reach a user on which channels, and when not (免打扰) (0025). */
export interface NotificationPreferencesTable {
  user_id: number;
  muted_events: ColumnType<string[], string[] | undefined, string[]>;
  channels: ColumnType<string[], string[] | undefined, string[]>;
  /** Minutes after midnight, China time; both null when there are no quiet hours. */
  quiet_from: number | null;
  quiet_until: number | null;
  locale: ColumnType<"zh-CN" | "en-US", "zh-CN" | "en-US" | undefined, "zh-CN" | "en-US">;
  email: string | null;
  wechat_openid: string | null;
  updated_at: DefaultInstant;
}

/** What the log provider "sent", for an administrator to read (0025). */
export interface NotificationLogTable {
  id: Generated<string>;
  channel: string;
  /** Masked phone, e-mail address or WeChat openid. */
  recipient: string;
  phone_hash: string | null;
  user_id: number | null;
  event: string;
  body: string;
  idempotency_key: string;
  created_at: DefaultInstant;
}

/** A one-time sign-in code sent by SMS: only its HMAC is kept (0026). */
export interface PhoneCodesTable {
  id: Generated<string>;
  phone_hash: string;
  code_hash: string;
  /** clientKey() of the address that asked for it (sending is limited per address). */
  client: string;
  expires_at: Instant;
  used_at: Instant | null;
  created_at: DefaultInstant;
}

/** The hash chains' heads at a moment, under an HMAC with the server's secret key (0024). */
export interface ChainAnchorsTable {
  id: Generated<string>;
  at: Instant;
  audit_last_id: string | null;
  audit_last_hash: string | null;
  events_last_id: string | null;
  events_digest: string;
  orders: number;
  mac: string;
}

/** An Open311 client's API key: only its hash and last characters are kept (0023). */
export interface Open311KeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_hint: string;
  created_by: number | null;
  created_at: DefaultInstant;
  revoked_at: Instant | null;
}

/** An order posted through Open311: by which key, and the token the client may look it up by (0023). */
export interface Open311RequestsTable {
  order_id: string;
  key_id: number;
  token: string;
  account_id: string | null;
  created_at: DefaultInstant;
}

/** 审计日志: who did what outside orders; append-only, hash-chained by the database (0012). */
export interface AuditLogTable {
  id: Generated<string>;
  at: DefaultInstant;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  client: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}

/** A 12345 export source's column mapping: our field → the source's column header (0015). */
export interface CitySourcesTable {
  name: string;
  mapping: Json<Record<string, string>>;
  updated_by: number | null;
  updated_at: DefaultInstant;
}

/** One import of a 12345 export, with its progress (0015). */
export interface CityImportsTable {
  id: Generated<string>;
  source: string;
  file_name: string;
  format: "xlsx" | "csv";
  content: Buffer | null;
  dry_run: boolean;
  state: ColumnType<"queued" | "running" | "done" | "failed", string | undefined, string>;
  rows_total: number | null;
  rows_done: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  unplaced: Generated<number>;
  invalid: Generated<number>;
  error: string | null;
  created_by: number;
  created_at: DefaultInstant;
  started_at: Instant | null;
  finished_at: Instant | null;
  locked_until: Instant | null;
}

/** A row of an import a person must look at: a bad row, or an address to place by hand (0015). */
export interface CityImportProblemsTable {
  id: Generated<string>;
  import_id: string | null;
  row_no: number | null;
  work_order_no: string | null;
  kind: "invalid" | "unplaced";
  reason: string;
  detail: string | null;
  record: Json<Record<string, unknown>> | null;
  state: ColumnType<"open" | "placed" | "superseded", string | undefined, string>;
  order_id: string | null;
  placed_by: number | null;
  placed_at: Instant | null;
}

/** A 12345 work order and the order it became, with the hash of the row last applied (0015). */
export interface CityWorkOrdersTable {
  work_order_no: string;
  order_id: string;
  row_hash: string;
  source: string;
  updated_at: DefaultInstant;
}

/** Nonces of signed pushes already accepted (0015). */
export interface CityPushNoncesTable {
  nonce: string;
  at: Instant;
}

/** A message to deliver, written in the transaction of the change it reports (0015). */
export interface OutboxMessagesTable {
  id: Generated<string>;
  topic: string;
  order_id: string | null;
  idempotency_key: string;
  payload: Json<Record<string, unknown>>;
  state: ColumnType<"pending" | "delivered" | "failed", string | undefined, string>;
  attempts: Generated<number>;
  next_attempt_at: DefaultInstant;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: DefaultInstant;
  delivered_at: Instant | null;
}

/** A category a person chose or corrected for an order's text (0007). */
export interface RoutingLabelsTable {
  id: Generated<string>;
  order_id: string;
  text: string;
  category_code: string;
  suggested_code: string | null;
  model_version: string | null;
  source: "intake" | "accept" | "transfer";
  labelled_by: number | null;
  region_code: string;
  created_at: DefaultInstant;
}

/** A retrained routing model with its evaluation scores (0007). */
export interface RoutingModelsTable {
  version: string;
  artefact: string;
  scores: Json<Record<string, number>>;
  label_count: number;
  status: "active" | "previous" | "rejected";
  trained_at: Instant;
  decided_at: Instant;
}

export type Order = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type User = Selectable<UsersTable>;
export type Unit = Selectable<UnitsTable>;
export type Region = Selectable<RegionsTable>;

/** 党组织 a party organisation on the region tree (0017). */
export interface PartyOrganisationsTable {
  id: Generated<number>;
  kind:
    | "committee"
    | "general_branch"
    | "branch"
    | "grid_branch"
    | "grid_group"
    | "building_group"
    | "household";
  name: string;
  region_code: string;
  parent_id: number | null;
  place_id: number | null;
  secretary: string | null;
  founded_on: string | null;
  active: Generated<boolean>;
  updated_by: number | null;
  updated_at: DefaultInstant;
}

/** A party member of an organisation, with their duty (0017). */
export interface PartyMembersTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  duty: "secretary" | "deputy" | "committee" | "member";
  joined_on: string | null;
  active: Generated<boolean>;
  updated_by: number | null;
  updated_at: DefaultInstant;
}

/** 双报到 a party member or organisation of another unit reporting to a community (0017). */
export interface PartyReportsTable {
  id: Generated<number>;
  region_code: string;
  kind: "member" | "organisation";
  name: string;
  home_unit: string;
  pledge: string;
  reported_on: string;
  active: Generated<boolean>;
  recorded_by: number | null;
  created_at: DefaultInstant;
}

/** 党建共建联合会 (community) or 地区党建联盟 (street) (0017). */
export interface JointCouncilsTable {
  id: Generated<number>;
  kind: "council" | "alliance";
  name: string;
  region_code: string;
  founded_on: string;
  created_by: number | null;
  created_at: DefaultInstant;
}

export interface JointMembersTable {
  id: Generated<number>;
  council_id: number;
  kind: "resident_unit" | "property_company" | "owners_committee" | "police_station" | "social_organisation";
  name: string;
  contact: string | null;
  active: Generated<boolean>;
  joined_on: string;
}

/** 议事协商会议 (0017). */
export interface JointMeetingsTable {
  id: Generated<number>;
  council_id: number;
  held_on: string;
  topic: string;
  attendees: Json<string[]>;
  minutes: Generated<string>;
  created_by: number | null;
  created_at: DefaultInstant;
}

export interface JointDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
}

/** 共建项目 (0017); its state changes only through the joint-building lifecycle. */
export interface JointProjectsTable {
  id: Generated<number>;
  council_id: number;
  decision_id: number | null;
  title: string;
  owner_member_id: number | null;
  owner: string;
  due_on: string | null;
  state: Generated<"set" | "advancing" | "solved" | "shelved">;
  set_on: string;
  closed_on: string | null;
  created_by: number | null;
  updated_at: DefaultInstant;
}

export interface JointProjectMembersTable {
  project_id: number;
  member_id: number;
}

export interface JointProjectStepsTable {
  id: Generated<number>;
  project_id: number;
  action: "set" | "advance" | "report" | "solve" | "shelve" | "resume";
  note: Generated<string>;
  on_date: string;
  by_user: number | null;
  created_at: DefaultInstant;
}

/** 需求清单 (the community's needs) and 资源清单 (what member units offer) (0017). */
export interface JointListItemsTable {
  id: Generated<number>;
  council_id: number;
  list: "needs" | "resources";
  member_id: number | null;
  title: string;
  project_id: number | null;
  created_at: DefaultInstant;
}

export interface JointProjectOrdersTable {
  project_id: number;
  order_id: string;
}

export interface JointProjectWarningsTable {
  project_id: number;
  warning_id: string;
}

/** The demo year filled in the background after the first start, one row at most (0020). */
export interface DemoHistoryFillTable {
  id: Generated<boolean>;
  from_at: Date;
  to_at: Date;
  orders_per_year: number;
  finished_at: Date | null;
}

/** 智慧云社区 a configured community service (0030); `fields`, `materials` are ServiceDefinition parts. */
export interface CommunityServicesTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  description: Generated<string>;
  fields: Json<unknown[]>;
  materials: Json<unknown[]>;
  review_levels: Json<("community" | "street")[]>;
  time_limit_days: number;
  result_kind: "document" | "appointment" | "approval";
  active: Generated<boolean>;
  updated_by: number | null;
  updated_at: DefaultInstant;
}

export interface CommunityServiceRegionsTable {
  service_id: number;
  region_code: string;
}

/** A resident's application for a community service (0030). */
export interface ServiceApplicationsTable {
  id: Generated<string>;
  service_id: number;
  applicant_id: number;
  community_code: string;
  state: string;
  level: "community" | "street";
  answers: Json<Record<string, string | number>>;
  definition: Json<unknown>;
  submitted_at: Instant;
  due_at: Instant;
  closed_at: Date | null;
  result: Json<unknown> | null;
  version: Generated<number>;
}

export interface ServiceApplicationStepsTable {
  id: Generated<string>;
  application_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  level: string | null;
  actor_id: number | null;
  actor_role: string | null;
  note: string | null;
  at: Instant;
}

export interface ServiceFilesTable {
  id: string;
  application_id: string;
  step_id: string;
  material: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  created_at: Instant;
}

/** 碑林发布 an item the district publishes (0031); `draft` is the editor's working copy. */
export interface PublicationsTable {
  id: Generated<number>;
  kind: "key_project";
  draft: Json<unknown>;
  retracted_at: Date | null;
  /** Why the editor withdrew it (0037); cleared when it is published again. */
  retracted_reason: string | null;
  created_by: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PublicationVersionsTable {
  publication_id: number;
  version: number;
  content: Json<unknown>;
  visible_from: Instant;
  published_by: number | null;
  created_at: Instant;
}

export interface PublicationPhotosTable {
  id: string;
  publication_id: number;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_by: number | null;
  created_at: Instant;
}
