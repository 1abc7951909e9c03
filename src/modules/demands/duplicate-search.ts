import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { Batcher } from "../../platform/batching.js";
import { ORDER_CHANNEL, parseOrderChange } from "../../platform/events/publish.js";
import { OPEN_STATES, ORDER_STATES, type OrderState } from "../orders/workflow/lifecycle.js";
import type { RegionDirectory } from "../regions/directory.js";
import {
  boxAround,
  DUPLICATE_RADIUS_METRES,
  DUPLICATE_WINDOW_DAYS,
  type DuplicateQuery,
  MAX_CANDIDATES,
  matchDuplicates,
  wordsOf,
} from "./duplicates.js";
import { type OpenDemand, OpenDemandIndex } from "./open-demands.js";

export interface DuplicateSearchRequest extends DuplicateQuery {
  /** Only orders inside this region prefix (the caller's visibility). */
  scopePrefix: string;
}

export interface DuplicateSuggestion {
  id: string;
  orderNo: string;
  title: string;
  state: string;
  similarity: number;
  distanceMetres: number | null;
  createdAt: Date;
}

/** What a suggestion shows of the order it points to. */
interface Described {
  orderNo: string;
  title: string;
  state: string;
  createdAt: Date;
}

/** How long a grid's open demands are trusted without hearing of a change: bounds unseen SQL edits. */
const GRID_MAX_AGE_MS = 60_000;
const WINDOW_MS = DUPLICATE_WINDOW_DAYS * 86_400_000;

/**
 * Open = not in a terminal state, written as the literal predicate of the partial index
 * `orders_open_by_grid` (migration 0005), so that the planner can prove the index applies.
 */
const OPEN_PREDICATE = sql.raw(
  `state NOT IN (${ORDER_STATES.filter((s) => !OPEN_STATES.includes(s))
    .map((s) => `'${s}'`)
    .join(", ")})`,
);

/**
 * Finds the open demands a new one may repeat (same grid or 300 m, last 30 days, similar words), for
 * intake and for the suggestions shown while typing. The grids' open demands come from an in-memory
 * index kept current by the order notifications (`start`); the few that match are described by one
 * statement per batch of searches.
 */
/** What the search reads, live: the database, the clock and the current region directory. */
export interface DuplicateSearchSource {
  readonly db: Kysely<DB>;
  now(): Date;
  readonly regions: RegionDirectory;
}

export class DuplicateSearch {
  private readonly index: OpenDemandIndex;
  private readonly descriptions: Batcher<string[], Map<string, Described>>;

  constructor(private readonly ctx: DuplicateSearchSource) {
    const grids = new Batcher((batch: string[][]) => openDemandsOf(ctx.db, batch));
    this.index = new OpenDemandIndex(
      async (codes) => {
        const found = await grids.submit(codes);
        return new Map(codes.map((code) => [code, found.get(code) ?? []]));
      },
      { perGrid: MAX_CANDIDATES, maxAgeMs: GRID_MAX_AGE_MS, now: () => ctx.now().getTime() },
    );
    this.descriptions = new Batcher((batch) => describe(ctx.db, batch));
  }

  /** Hears every instance's order changes; returns the function that stops listening. */
  start(database: Pick<Database, "listen">): Promise<() => Promise<void>> {
    return database.listen(ORDER_CHANNEL, (payload) => {
      const change = parseOrderChange(payload);
      if (!change) return;
      const open = OPEN_STATES.includes(change.state as OrderState);
      this.index.changed({ orderId: change.orderId, regionCode: change.regionCode, open });
    });
  }

  /** A demand this instance registered, once committed. */
  registered(demand: OpenDemand): void {
    this.index.registered([demand]);
  }

  async find(request: DuplicateSearchRequest, limit = 5): Promise<DuplicateSuggestion[]> {
    const gridCodes = searchedGrids(this.ctx.regions, request);
    if (gridCodes.length === 0) return [];
    const since = new Date(this.ctx.now().getTime() - WINDOW_MS);
    const candidates = await this.index.recent(gridCodes, since, MAX_CANDIDATES);
    const matches = matchDuplicates(request, candidates, limit);
    if (matches.length === 0) return [];
    const described = await this.descriptions.submit(matches.map((m) => m.candidate.id));
    // The description is read now: an order closed a moment ago is not suggested.
    return matches.flatMap(({ candidate, similarity, distanceMetres }) => {
      const order = described.get(candidate.id);
      const open = order && OPEN_STATES.includes(order.state as OrderState);
      return open ? [{ id: candidate.id, ...order, similarity, distanceMetres }] : [];
    });
  }
}

/**
 * The own grid and every grid within 300 m of the point (from the in-memory grid index), inside the
 * caller's scope. Grid codes begin with their region's, so the scope applies to this list.
 */
function searchedGrids(regions: RegionDirectory, request: DuplicateSearchRequest): string[] {
  const { lng, lat, gridCode } = request;
  const near =
    lng !== null && lat !== null ? regions.gridsNear(boxAround(lng, lat, DUPLICATE_RADIUS_METRES)) : [];
  const grids = gridCode && !near.includes(gridCode) ? [gridCode, ...near] : near;
  return grids.filter((code) => code.startsWith(request.scopePrefix));
}

/** For a batch of reads, each grid's newest open demands, read once per grid. */
async function openDemandsOf(db: Kysely<DB>, batch: string[][]): Promise<Map<string, OpenDemand[]>[]> {
  const rows = await openDemandsQuery([...new Set(batch.flat())]).execute(db);
  const byGrid = new Map<string, OpenDemand[]>();
  for (const r of rows.rows) {
    const list = byGrid.get(r.grid_code) ?? [];
    list.push({
      id: r.id,
      gridCode: r.grid_code,
      lng: r.lng,
      lat: r.lat,
      words: wordsOf(r.terms),
      createdAt: r.created_at,
    });
    byGrid.set(r.grid_code, list);
  }
  return batch.map(() => byGrid);
}

/**
 * The newest open orders of each grid, at most MAX_CANDIDATES per grid, read backwards through the
 * partial index of open orders (exported so a test can check the plan). The 30-day window is applied
 * when searching, so what is kept stays right as time passes.
 */
export function openDemandsQuery(gridCodes: string[]) {
  return sql<{
    grid_code: string;
    id: string;
    lng: number | null;
    lat: number | null;
    terms: string;
    created_at: Date;
  }>`
    SELECT g.grid_code, o.id, o.lng, o.lat, o.terms, o.created_at
    FROM unnest(${gridCodes}::text[]) AS g(grid_code)
    CROSS JOIN LATERAL (
      SELECT id, lng, lat, terms, created_at
      FROM orders
      WHERE grid_code = g.grid_code AND ${OPEN_PREDICATE}
      ORDER BY created_at DESC
      LIMIT ${MAX_CANDIDATES}
    ) AS o`;
}

/** Number, title, state and time of the matched orders, for every search of the batch at once. */
async function describe(db: Kysely<DB>, batch: string[][]): Promise<Map<string, Described>[]> {
  const rows = await db
    .selectFrom("orders")
    .select(["id", "order_no", "title", "state", "created_at"])
    .where("id", "in", [...new Set(batch.flat())])
    .execute();
  const byId = new Map(
    rows.map((r) => [r.id, { orderNo: r.order_no, title: r.title, state: r.state, createdAt: r.created_at }]),
  );
  return batch.map(
    (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id) as Described]] : []))),
  );
}
