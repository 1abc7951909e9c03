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

interface StoredCandidate extends DuplicateCandidate {
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
 * intake and for the suggestions shown while typing. Concurrent searches share one statement.
 */
export class DuplicateSearch {
  private readonly lookups: Batcher<Lookup, StoredCandidate[]>;

  constructor(private readonly ctx: AppContext) {
    this.lookups = new Batcher((batch) => recentOpenOrders(ctx.db, batch));
  }

  async find(request: DuplicateSearchRequest, limit = 5): Promise<DuplicateSuggestion[]> {
    const gridCodes = searchedGrids(this.ctx.regions, request);
    if (gridCodes.length === 0) return [];
    const since = new Date(this.ctx.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
    const candidates = await this.lookups.submit({ gridCodes, since });
    return matchDuplicates(request, candidates, limit).map(({ candidate, similarity, distanceMetres }) => ({
      id: candidate.id,
      orderNo: candidate.orderNo,
      title: candidate.title,
      state: candidate.state,
      similarity,
      distanceMetres,
      createdAt: candidate.createdAt,
    }));
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

/** For each lookup, the newest open orders of its grids since its date (an index on grid and time). */
async function recentOpenOrders(db: Kysely<DB>, lookups: Lookup[]): Promise<StoredCandidate[][]> {
  const rows = await recentOpenOrdersQuery(lookups).execute(db);
  const found = lookups.map((): StoredCandidate[] => []);
  for (const r of rows.rows) {
    found[r.lookup].push({
      id: r.id,
      orderNo: r.order_no,
      title: r.title,
      state: r.state,
      lng: r.lng,
      lat: r.lat,
      gridCode: r.grid_code,
      createdAt: r.created_at,
      terms: r.terms,
    });
  }
  return found;
}

/** The statement behind `recentOpenOrders` (exported so a test can check its plan uses the index). */
export function recentOpenOrdersQuery(lookups: Lookup[]) {
  return sql<{
    lookup: number;
    id: string;
    order_no: string;
    title: string;
    state: string;
    lng: number | null;
    lat: number | null;
    grid_code: string | null;
    created_at: Date;
    terms: string;
  }>`
    SELECT q.lookup, o.id, o.order_no, o.title, o.state, o.lng, o.lat, o.grid_code, o.created_at, o.terms
    FROM unnest(
      ${lookups.map((_, i) => i)}::int[],
      ${lookups.map((l) => l.gridCodes.join(","))}::text[],
      ${lookups.map((l) => l.since.toISOString())}::timestamptz[]
    ) AS q(lookup, grids, since)
    CROSS JOIN LATERAL (
      SELECT id, order_no, title, state, lng, lat, grid_code, created_at, terms
      FROM orders
      WHERE grid_code = ANY (string_to_array(q.grids, ','))
        AND created_at >= q.since
        AND ${OPEN_PREDICATE}
      ORDER BY created_at DESC
      LIMIT ${MAX_CANDIDATES}
    ) AS o`;
}
