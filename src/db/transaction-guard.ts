import { AsyncLocalStorage } from "node:async_hooks";
import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryCompiler,
  type TransactionBuilder,
  type TransactionSettings,
} from "kysely";

/** Set while a transaction's callback runs, in that callback's async context only. */
const insideTransaction = new AsyncLocalStorage<{ open: boolean }>();

export const OUTER_DATABASE_IN_TRANSACTION =
  "the outer database was used inside a transaction: use the trx the callback was handed";

/**
 * A Kysely whose transactions mark the async context of their callback, so that a query on the outer
 * database from inside it fails at once instead of waiting for a second connection: on PGlite's
 * one-connection pool that wait never ends, and on a server the query would silently run outside the
 * transaction. Queries started elsewhere meanwhile (other requests, jobs) are not affected.
 */
export class GuardedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    const builder = super.transaction();
    const execute = builder.execute.bind(builder);
    return Object.assign(builder, {
      execute: <T>(callback: Parameters<typeof execute<T>>[0]) =>
        execute(async (trx) => {
          const marker = { open: true };
          try {
            return await insideTransaction.run(marker, () => callback(trx));
          } finally {
            // Work the callback left running (timers, caches) may use the database once it is over.
            marker.open = false;
          }
        }),
    });
  }
}

/** Wraps a dialect so that taking a new connection inside a transaction's callback throws. */
export function guardedDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GuardedDriver(dialect.createDriver()),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

class GuardedDriver implements Driver {
  constructor(private readonly driver: Driver) {}

  init(): Promise<void> {
    return this.driver.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    if (insideTransaction.getStore()?.open) return Promise.reject(new Error(OUTER_DATABASE_IN_TRANSACTION));
    return this.driver.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driver.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
