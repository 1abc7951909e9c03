import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { AppContext } from "../modules/context.js";

/**
 * The HTTP application with the TypeBox provider kept: a route's `request.body`, `params` and
 * `query` are typed from its schema, so handlers never cast them.
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every module's routes plugin is registered with. */
export interface RoutesOptions {
  ctx: AppContext;
}

/** A module's routes as a Fastify plugin: `app.register(demandRoutes, { ctx })`. */
export type Routes<Options extends RoutesOptions = RoutesOptions> = (
  app: App,
  options: Options,
) => Promise<void>;

/** For a module whose routes must answer errors in a standard's own shape (Open311). */
export { describeError } from "./errors.js";
