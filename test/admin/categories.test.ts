import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeProblem } from "../../src/modules/categories/commands.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.login(user) }, payload });
}

interface Node {
  code: string;
  name: string;
  level: number;
  active: boolean;
  children: Node[];
}
const find = (nodes: Node[], code: string): Node | undefined =>
  nodes.find((n) => n.code === code) ?? nodes.map((n) => find(n.children, code)).find(Boolean);

describe("GET /api/categories: the tree, for every signed-in role", () => {
  it("nests the 13 top-level categories three levels deep, with English names and the active flag", async () => {
    const response = await call("resident", "GET", "/api/categories");
    expect(response.statusCode).toBe(200);
    const items: Node[] = response.json().items;
    expect(items).toHaveLength(13);
    expect(items[0]).toMatchObject({
      code: "01",
      name: "城乡建设",
      nameEn: "Urban and rural construction",
      level: 1,
      active: true,
    });
    expect(find(items, "0101")?.children.map((c) => c.code)).toContain("010104");
    expect(find(items, "010104")).toMatchObject({ name: "水电改造", level: 3, children: [] });
  });

  it("needs a session", async () => {
    const response = await t.app.inject({ url: "/api/categories" });
    expect(response.statusCode).toBe(401);
  });
});

describe("POST /api/categories (catalogue.manage)", () => {
  it("adds a level-3 category whose code is the parent's plus two digits", async () => {
    const response = await call("admin", "POST", "/api/categories", {
      parentCode: "0101",
      code: "010199",
      name: "楼道照明",
      nameEn: "Stairwell lighting",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      code: "010199",
      name: "楼道照明",
      nameEn: "Stairwell lighting",
      level: 3,
      active: true,
      children: [],
    });
    const tree: Node[] = (await call("admin", "GET", "/api/categories")).json().items;
    expect(find(tree, "0101")?.children.at(-1)?.code).toBe("010199");
  });

  it("adds a top-level category without a parent", async () => {
    const response = await call("admin", "POST", "/api/categories", {
      parentCode: null,
      code: "13",
      name: "数据安全",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: "13", level: 1, nameEn: null });
  });

  it.each([
    [
      "a code that does not extend the parent's",
      { parentCode: "0101", code: "020199", name: "x" },
      /0101 followed by 2 digits/,
    ],
    ["an unknown parent", { parentCode: "0188", code: "018801", name: "x" }, /unknown parentCode 0188/],
    ["a fourth level", { parentCode: "010101", code: "010101", name: "x" }, /at most 3 levels/],
    ["a missing name", { parentCode: "0101", code: "010198" }, /name/],
  ])("refuses %s with VALIDATION_FAILED", async (_, body, message) => {
    const response = await call("admin", "POST", "/api/categories", body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(message),
    });
  });

  it("refuses an existing code or a sibling's name with CONFLICT", async () => {
    const taken = await call("admin", "POST", "/api/categories", {
      parentCode: "0101",
      code: "010101",
      name: "新名",
    });
    const sameName = await call("admin", "POST", "/api/categories", {
      parentCode: "0101",
      code: "010197",
      name: "加装电梯",
    });
    expect([taken.statusCode, sameName.statusCode]).toEqual([409, 409]);
    expect(taken.json().code).toBe("CONFLICT");
  });

  it("is refused to a dispatcher (403)", async () => {
    const response = await call("district-dispatcher", "POST", "/api/categories", {
      parentCode: "0101",
      code: "010196",
      name: "x",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FORBIDDEN");
  });
});

describe("the level rule", () => {
  it.each([
    [null, "07", null],
    [{ code: "07", level: 1 }, "0712", null],
    [{ code: "0712", level: 2 }, "071203", null],
    [{ code: "071203", level: 3 }, "07120301", "categories are at most 3 levels deep"],
    [{ code: "07", level: 1 }, "071", "code must be 07 followed by 2 digits"],
  ])("under %j, code %s → %s", (parent, code, problem) => {
    expect(codeProblem(parent, code)).toBe(problem);
  });
});

describe("PATCH /api/categories/:code", () => {
  it("renames a category", async () => {
    const response = await call("admin", "PATCH", "/api/categories/010102", {
      name: "屋面渗漏",
      nameEn: "Roof leaks",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: "010102",
      name: "屋面渗漏",
      nameEn: "Roof leaks",
      active: true,
    });
  });

  it("deactivates a branch with its descendants, which active=true then leaves out", async () => {
    const response = await call("admin", "PATCH", "/api/categories/0102", { active: false });
    expect(response.json().active).toBe(false);
    const all: Node[] = (await call("admin", "GET", "/api/categories")).json().items;
    expect(find(all, "010201")?.active).toBe(false);
    const active: Node[] = (await call("operator", "GET", "/api/categories?active=true")).json().items;
    expect(find(active, "0102")).toBeUndefined();
    expect(find(active, "010201")).toBeUndefined();
  });

  it("will not reactivate a child while its parent is inactive (CONFLICT), but the parent first", async () => {
    const child = await call("admin", "PATCH", "/api/categories/010201", { active: true });
    expect(child.statusCode).toBe(409);
    expect((await call("admin", "PATCH", "/api/categories/0102", { active: true })).json().active).toBe(true);
    expect((await call("admin", "PATCH", "/api/categories/010201", { active: true })).json().active).toBe(
      true,
    );
  });

  it("answers 404 for an unknown code and 400 for an empty patch", async () => {
    const unknown = await call("admin", "PATCH", "/api/categories/0188", { name: "x" });
    const empty = await call("admin", "PATCH", "/api/categories/0101", {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("NOT_FOUND");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe("VALIDATION_FAILED");
  });

  it("is refused to a supervisor (403)", async () => {
    const response = await call("supervisor", "PATCH", "/api/categories/0101", { name: "x" });
    expect(response.statusCode).toBe(403);
  });
});
