import { type Kysely, sql } from "kysely";

/**
 * Notes Minhu wrote as fixed bilingual sentences become codes in the event's data (`message`),
 * rendered in the reader's language; ledger changes are the lifecycle's `refile` action.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE order_events SET action = 'refile' WHERE action = 'ledger'`.execute(db);
  await sql`UPDATE order_events
    SET note = NULL, data = data || '{"message": {"code": "overdue_supervised"}}'::jsonb
    WHERE action = 'supervise' AND note LIKE '超期未办结，自动督办%'`.execute(db);
  await sql`UPDATE order_events
    SET note = NULL, data = data || '{"message": {"code": "satisfied_visit_closed"}}'::jsonb
    WHERE action = 'close' AND note LIKE '回访满意，自动办结%'`.execute(db);
  await sql`UPDATE order_events
    SET note = NULLIF(regexp_replace(note, '^共性问题预警 #[0-9]+：', ''), ''),
        data = data || jsonb_build_object('message', jsonb_build_object(
          'code', 'common_problem_filed',
          'params', jsonb_build_object('warningId', substring(note from '^共性问题预警 #([0-9]+)：'))))
    WHERE action = 'refile' AND note ~ '^共性问题预警 #[0-9]+：'`.execute(db);
}
