import { type Kysely, sql } from "kysely";

/**
 * Duplicate suggestions read the recent open orders of a few grids at every intake. With only
 * `orders(grid_code, created_at)` and the state index, PostgreSQL intersected the grid's rows with
 * every open order of the district, so each intake got slower as open orders piled up. This partial
 * index holds open orders only; the predicate must stay word for word what the duplicate search asks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX orders_open_by_grid ON orders (grid_code, created_at)
    WHERE state NOT IN ('rejected', 'closed', 'merged')`.execute(db);
}
