import { afterAll, beforeAll, expect, test } from "vitest";
import { compileEverySchema } from "../../src/http/lazy-schemas.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * The server compiles a route's request and response schemas on the route's first call (a faster
 * start); this proves every schema of every route compiles, so none can fail a first call instead.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test("a schema compiled on first call still refuses bad input with {code, message}", async () => {
  const response = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: 1 } });
  expect(response.statusCode).toBe(400);
  expect(Object.keys(response.json()).sort()).toEqual(expect.arrayContaining(["code", "message"]));
});

test("every route's request and response schemas compile", () => {
  const compiled = compileEverySchema(t.app);
  expect(compiled).toBeGreaterThan(300);
  expect(compileEverySchema(t.app)).toBe(0);
});
