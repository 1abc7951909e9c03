import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { Batcher } from "../../platform/batching.js";
import type { AppContext } from "../../server/context.js";
import { OPEN_STATES, ORDER_STATES } from "../orders/workflow/lifecycle.js";
import type { RegionDirectory } from "../regions/directory.js";
import {
  boxAround,
  DUPLICATE_RADIUS_METRES,
  DUPLICATE_WINDOW_DAYS,
  type DuplicateCandidate,
  type DuplicateQuery,
  MAX_CANDIDATES,
  matchDuplicates,
} from "./duplicates.js";

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

/**
 * Open = not in a terminal state, written as the literal predicate of the partial index
 * `orders_open_by_grid` (migration 0005), so that the planner can prove the index applies.
 */
const OPEN_PREDICATE = sql.raw(
  `state NOT IN (${ORDER_STATES.filter((s) => !OPEN_STATES.includes(s))
    .map((s) => `'${s}'`)
    .join(", ")})`,
);

/** The recent open orders of some grids: what one demand is compared with. */
export interface Lookup {
  gridCodes: string[];
  since: Date;
}

/**
 * Finds the open demands a new one may repeat (same grid or 300 m, last 30 days, similar words), for
 * intake and for the suggestions shown while typing. Concurrent searches share their statements: one
 * reads the candidates' words and places, one describes the few that match.
 */
export class DuplicateSearch {
  private readonly lookups: Batcher<Lookup, DuplicateCandidate[]>;
  private readonly descriptions: Batcher<string[], Map<string, Described>>;

  constructor(private readonly ctx: AppContext) {
    this.lookups = new Batcher((batch) => recentOpenOrders(ctx.db, batch));
    this.descriptions = new Batcher((batch) => describe(ctx.db, batch));
  }

  async find(request: DuplicateSearchRequest, limit = 5): Promise<DuplicateSuggestion[]> {
    const gridCodes = searchedGrids(this.ctx.regions, request);
    if (gridCodes.length === 0) return [];
    const since = new Date(this.ctx.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
    const matches = matchDuplicates(request, await this.lookups.submit({ gridCodes, since }), limit);
    if (matches.length === 0) return [];
    const described = await this.descriptions.submit(matches.map((m) => m.candidate.id));
    return matches.flatMap(({ candidate, similarity, distanceMetres }) => {
      const order = described.get(candidate.id);
      return order ? [{ id: candidate.id, ...order, similarity, distanceMetres }] : [];
    });
  }
}

/**
 * The own grid and every grid within 300 m of the point (from the in-memory grid index), inside the
 * caller's scope. Grid codes begin with their region's, so the scope applies to this list, not as a
 * LIKE that would make the planner walk every order of the district.
 */
function searchedGrids(regions: RegionDirectory, request: DuplicateSearchRequest): string[] {
  const { lng, lat, gridCode } = request;
  const near =
    lng !== null && lat !== null ? regions.gridsNear(boxAround(lng, lat, DUPLICATE_RADIUS_METRES)) : [];
  const grids = gridCode && !near.includes(gridCode) ? [gridCode, ...near] : near;
  return grids.filter((code) => code.startsWith(request.scopePrefix));
}

/** For each lookup, the newest open orders of its grids since its date: only what matching needs. */
async function recentOpenOrders(db: Kysely<DB>, lookups: Lookup[]): Promise<DuplicateCandidate[][]> {
  const rows = await recentOpenOrdersQuery(lookups).execute(db);
  const found = lookups.map((): DuplicateCandidate[] => []);
  for (const r of rows.rows) {
    found[r.lookup].push({ id: r.id, lng: r.lng, lat: r.lat, gridCode: r.grid_code, terms: r.terms });
  }
  return found;
}

/** The statement behind `recentOpenOrders` (exported so a test can check its plan uses the index). */
export function recentOpenOrdersQuery(lookups: Lookup[]) {
  return sql<{
    lookup: number;
    id: string;
    lng: number | null;
    lat: number | null;
    grid_code: string | null;
    terms: string;
  }>`
    SELECT q.lookup, o.id, o.lng, o.lat, o.grid_code, o.terms
    FROM unnest(
      ${lookups.map((_, i) => i)}::int[],
      ${lookups.map((l) => l.gridCodes.join(","))}::text[],
      ${lookups.map((l) => l.since.toISOString())}::timestamptz[]
    ) AS q(lookup, grids, since)
    CROSS JOIN LATERAL (
      SELECT id, lng, lat, grid_code, terms
      FROM orders
      WHERE grid_code = ANY (string_to_array(q.grids, ','))
        AND created_at >= q.since
        AND ${OPEN_PREDICATE}
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
