import { type Kysely, sql } from "kysely";

/**
 * 督查考核: indexes for the KPI, dashboard and list queries, which count one month of a table of
 * millions by the instant that decides which period an order counts in (dispatch, deadline, reply,
 * closing); `orders(dispatched_at)`, `orders(created_at)`, `visits(visited_at)` and
 * `order_events(action, at)` already exist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  // 按期办结率/办结率 count by deadline; the overdue trend reads the reply beside it.
  `CREATE INDEX orders_handling_due ON orders(handling_due_at)`,
  // 平均办理时长 counts orders by reply time.
  `CREATE INDEX orders_replied ON orders(replied_at)`,
  // 解决清单 and the closed trend count by closing time.
  `CREATE INDEX orders_closed ON orders(closed_at)`,
  // 四本台账 page through one ledger, newest first.
  `CREATE INDEX orders_ledger_created ON orders(ledger, created_at)`,
  // 走访清单 by date.
  `CREATE INDEX field_visits_visited_on ON field_visits(visited_on)`,
  // 制度清单 → the orders it answers, and back.
  `CREATE INDEX institution_rule_orders_order ON institution_rule_orders(order_id)`,
];
