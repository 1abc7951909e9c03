/**
 * One demand of the history: its caller, place, text and route, registered through its channel, then
 * lived through (story.ts) — or merged into an earlier open demand about the same problem at the same
 * place, whose reply, return visit and closing it then shares.
 */
import type { Channel } from "../../modules/demands/channels.js";
import { termsOf } from "../../modules/demands/duplicates.js";
import { chooseRoute, holderAt } from "../../modules/routing/catalogue.js";
import type { Example } from "./mix.js";
import type { Caller, Callers } from "./people.js";
import { addressIn, type PlacedGrid, pointIn } from "./places.js";
import type { Random, Weighted } from "./random.js";
import type { Actor, OrderRow } from "./rows.js";
import { liveThrough, localDispatcher, placementOf, type Story, work } from "./story.js";
import { channelFields, type Disposition, titleOf, VISIT_COMMENTS, varyText } from "./texts.js";
import { OrderTimeline } from "./timeline.js";
import type { Staff, World } from "./world.js";

/** One demand to be: when, about what, through which channel, and for a burst, where. */
export interface Arrival {
  at: Date;
  categoryCode: string;
  channel: Channel;
  burst: { grid: PlacedGrid; compound: string } | null;
}

/** A generated order: its place in the history, its timeline, and its caller's phone to encrypt when stored. */
export interface GeneratedOrder {
  index: number;
  timeline: OrderTimeline;
  caller: Caller | null;
}

export interface DemandContext {
  world: World;
  now: Date;
  examples: Map<string, Example[]>;
  grids: Weighted<PlacedGrid>;
  callers: Callers;
  merges: MergeIndex;
  r: Random;
}

const MERGE_ODDS = { burst: 0.35, ordinary: 0.02 };
/** Only demands of the last week about the same problem in the same grid are merged into. */
const MERGE_WINDOW_MS = 7 * 86_400_000;
/** Share of confidential callers (保密). */
const CONFIDENTIAL = 0.03;
/** Share of online demands the demo resident account submitted itself. */
const RESIDENT_ACCOUNT_SHARE = 0.002;

/** Recent demands by grid and category, to find what a new demand may be merged into. */
export class MergeIndex {
  private readonly recent = new Map<string, GeneratedOrder[]>();

  add(order: GeneratedOrder): void {
    const key = keyOf(order.timeline.row);
    this.recent.set(key, [
      ...(this.recent.get(key) ?? []).filter(
        (o) =>
          order.timeline.row.created_at.getTime() - o.timeline.row.created_at.getTime() < MERGE_WINDOW_MS,
      ),
      order,
    ]);
  }

  /** The latest demand still waiting for its reply at `mergeAt`, about the same problem in the same grid. */
  targetFor(row: OrderRow, mergeAt: Date): GeneratedOrder | null {
    const candidates = this.recent.get(keyOf(row)) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const target = candidates[i].timeline;
      if (row.created_at.getTime() - target.row.created_at.getTime() >= MERGE_WINDOW_MS) break;
      if (target.row.merged_into !== null || target.events.some((e) => e.action === "reject")) continue;
      const answered = target.events.find((e) => e.action === "reply" || e.action === "solve_on_spot")?.at;
      if (!answered || answered > mergeAt) return candidates[i];
    }
    return null;
  }
}

const keyOf = (row: OrderRow) => `${row.grid_code}:${row.category_code}`;

/** Builds, registers and lives through one demand. */
export function buildDemand(c: DemandContext, arrival: Arrival, index: number): GeneratedOrder {
  const { r, world } = c;
  const example = r.pick(c.examples.get(arrival.categoryCode) as Example[]);
  const residentAccount =
    arrival.channel === "online" && r.chance(RESIDENT_ACCOUNT_SHARE) ? world.resident : null;
  const caller = callerOf(c, arrival, residentAccount);
  const grid = arrival.burst?.grid ?? caller?.home?.grid ?? r.draw(c.grids);
  const route = chooseRoute(world.catalogue, arrival.categoryCode, grid.code);
  const holder = holderAt(route.handlingLevel, placementOf(grid));
  const registrar = registrarOf(world, arrival.channel, grid, residentAccount, r);
  const point = r.chance(0.7) ? pointIn(r, world, grid) : null;
  const fields = channelFields(r, arrival.channel, arrival.at, {
    gridName: grid.name,
    communityName: grid.communityName,
  });
  const row: OrderRow = {
    channel: arrival.channel,
    channel_fields: fields,
    demand_type: example.type,
    category_code: arrival.categoryCode,
    urgent: example.urgent,
    ledger: "general",
    title: titleOf(world.categoryNames.get(arrival.categoryCode) ?? arrival.categoryCode, example.type),
    content: varyText(r, example.text),
    terms: termsOfExample(example.text),
    address: addressOf(r, arrival, caller, grid),
    lng: point?.lng ?? null,
    lat: point?.lat ?? null,
    region_code: grid.code,
    grid_code: grid.code,
    community_code: grid.communityCode,
    street_code: grid.streetCode,
    // A deputy raising a matter is named; grid patrols, inspections and the media have no caller.
    caller_name: caller?.name ?? (typeof fields.deputyName === "string" ? fields.deputyName : null),
    confidential: caller !== null && r.chance(CONFIDENTIAL),
    submitted_by: registrar.id,
    resident_id: residentAccount?.id ?? null,
    state: "registered",
    handling_level: holder.level,
    holder_region_code: holder.regionCode,
    main_unit_id: null,
    route: { ...route, holder: holder.regionCode },
    version: 0,
    merged_into: null,
    solved_on_spot: false,
    disposition: null,
    reply_text: null,
    accepted_at: null,
    dispatched_at: null,
    signed_at: null,
    replied_at: null,
    closed_at: null,
    response_due_at: null,
    handling_due_at: null,
    original_handling_due_at: null,
    warning_level: "none",
    supervised_at: null,
    reopen_count: 0,
    return_count: 0,
    urge_count: 0,
    created_at: arrival.at,
    updated_at: arrival.at,
  };
  const timeline = new OrderTimeline(world, row, c.now);
  timeline.register(registrar, {
    channel: row.channel,
    handlingLevel: row.handling_level,
    holder: row.holder_region_code,
    catalogueId: route.catalogueId,
    attachmentIds: [],
  });
  const order: GeneratedOrder = { index, timeline, caller };
  const story: Story = {
    t: timeline,
    r,
    world,
    grid,
    route,
    visit: caller ? (arrival.channel === "online" ? "online" : "phone") : "none",
    residentAccount,
  };
  if (!mergeIntoEarlier(c, story, arrival)) liveThrough(story);
  c.merges.add(order);
  return order;
}

/** Callers with a phone: 12345 and online always; household visits, counters and petitions mostly. */
function callerOf(
  c: DemandContext,
  arrival: Arrival,
  residentAccount: World["resident"] | null,
): Caller | null {
  if (residentAccount)
    return residentAccount.phone
      ? { name: residentAccount.name, phone: residentAccount.phone, home: null }
      : null;
  const odds: Partial<Record<Channel, number>> = {
    "12345": 1,
    online: 1,
    household_visit: 0.7,
    window: 0.8,
    petition: 0.8,
  };
  if (!c.r.chance(odds[arrival.channel] ?? 0)) return null;
  // Neighbours report a burst; anything else may come from a regular caller.
  return arrival.burst ? c.callers.oneOff() : c.callers.next();
}

/** A burst's compound, a regular's home, or a compound of the grid; public places often have none. */
function addressOf(r: Random, arrival: Arrival, caller: Caller | null, grid: PlacedGrid): string | null {
  if (arrival.burst)
    return r.chance(0.6) ? arrival.burst.compound : addressIn(r, grid, arrival.burst.compound);
  if (caller?.home && r.chance(0.7)) return caller.home.address;
  return r.chance(0.6) ? addressIn(r, grid) : null;
}

/** Who registers a demand of each channel (the roles the channel admits, inside their jurisdiction). */
function registrarOf(
  world: World,
  channel: Channel,
  grid: PlacedGrid,
  residentAccount: Staff | null,
  r: Random,
): Actor {
  switch (channel) {
    case "12345":
    case "deputy":
    case "media":
      return world.operator;
    case "online":
      return residentAccount ?? { id: null, role: "resident", unitId: null };
    case "grid_patrol":
    case "household_visit":
    case "grassroots_report":
      return r.pick(world.gridWorkers.get(grid.code) as Staff[]);
    case "field_inspection":
      return world.supervisor;
    case "window":
    case "petition":
    case "forum":
      return localDispatcher(world, grid.code);
  }
}

/**
 * 合并: a demand about the same problem in the same grid as an earlier one still being handled is
 * merged into it by the operator. The merged demand then hears the same reply, gets its own return
 * visit when the earlier one is verified, and is closed with it.
 */
function mergeIntoEarlier(c: DemandContext, s: Story, arrival: Arrival): boolean {
  const { r, world } = c;
  if (!r.chance(arrival.burst ? MERGE_ODDS.burst : MERGE_ODDS.ordinary)) return false;
  const mergeAt = work(s, s.t.row.created_at, 2, 60);
  const target = c.merges.targetFor(s.t.row, mergeAt);
  if (!target) return false;
  if (!s.t.merge(mergeAt, world.operator, target.index)) return true;
  let round = 1;
  let visited = false;
  for (const e of target.timeline.events) {
    if (e.at <= mergeAt) continue;
    if (e.action === "reopen") round += 1;
    if (e.action === "reply" || e.action === "solve_on_spot")
      s.t.echoReply(e.at, e.data.disposition as Disposition, e.note ?? "");
    if (e.action === "close") s.t.echoClose(e.at);
    if (e.action !== "verify") continue;
    s.t.openVisit(e.at, round);
    // Each merged caller is asked once, by phone, after the first verification.
    if (visited || s.visit === "none") continue;
    visited = true;
    const satisfied = r.chance(0.9);
    s.t.visit(
      work(s, e.at, 60, 1800),
      world.operator,
      satisfied ? "solved" : "partly",
      satisfied ? "satisfied" : "unsatisfied",
      r.pick(satisfied ? VISIT_COMMENTS.satisfied : VISIT_COMMENTS.unsatisfied),
    );
  }
  return true;
}

/** Variations only renumber and append a closing phrase, so each example is segmented once. */
const exampleTerms = new Map<string, string>();
function termsOfExample(text: string): string {
  let terms = exampleTerms.get(text);
  if (terms === undefined) {
    terms = termsOf(text).join(" ");
    exampleTerms.set(text, terms);
  }
  return terms;
}
