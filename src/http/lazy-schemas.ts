import AjvCompiler from "@fastify/ajv-compiler";
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";
import type { FastifyServerOptions } from "fastify";

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type SchemaController = NonNullable<FastifyServerOptions["schemaController"]>;

/** Each app's way to compile every schema it has not compiled yet, for the test that proves they all do. */
const compileRest = new WeakMap<object, () => number>();

/**
 * Fastify's own compilers (Ajv for requests, fast-json-stringify for responses), each route's schema
 * compiled when the route is first called instead of when the server starts: compiling the schemas
 * of some 300 routes was a tenth of a first start. A schema that cannot compile would fail its
 * route's first call, not the start, so `compileEverySchema` exists for a test to compile them all.
 */
export function lazySchemaCompilers(): { controller: SchemaController; remember(app: object): void } {
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();
  const pending = new Set<() => void>();
  /** Compiles on first use; until then `compileNow` sits in `pending`. */
  function lazily<F>(compile: () => F): () => F {
    let compiled: F | undefined;
    const compileNow = () => {
      compiled ??= compile();
      pending.delete(compileNow);
    };
    pending.add(compileNow);
    return () => {
      if (compiled === undefined) compileNow();
      return compiled as F;
    };
  }
  const controller: SchemaController = {
    compilersFactory: {
      buildValidator: (externalSchemas, options) => {
        const compile = buildValidator(externalSchemas, options);
        return (route) => {
          const compiled = lazily(() => compile(route) as Validate);
          // Fastify reads `errors` from the function it was given after a failed validation.
          const validate: Validate = (data) => {
            const valid = compiled()(data);
            validate.errors = compiled().errors;
            return valid;
          };
          // Ajv's type also names `schema` and `schemaEnv`; Fastify only calls it and reads `errors`.
          return validate as unknown as ReturnType<typeof compile>;
        };
      },
      buildSerializer: (externalSchemas, options) => {
        const compile = buildSerializer(externalSchemas, options);
        return (route) => {
          const compiled = lazily(() => compile(route));
          return (data) => compiled()(data);
        };
      },
    },
  };
  return {
    controller,
    remember(app) {
      compileRest.set(app, () => {
        const count = pending.size;
        for (const compileNow of [...pending]) compileNow();
        return count;
      });
    },
  };
}

/** Compiles every schema of `app` not compiled yet (a failure throws); returns how many it compiled. */
export function compileEverySchema(app: object): number {
  return compileRest.get(app)?.() ?? 0;
}
