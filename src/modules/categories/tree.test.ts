import { describe, expect, it } from "vitest";
import { DISTRICT_DEPARTMENTS } from "../units/departments.js";
import { CATEGORY_TREE, findCategory, flattenCategories, TOP_LEVEL_CODES } from "./tree.js";

describe("category tree", () => {
  const rows = flattenCategories();

  it("has the exact top-level codes and names", () => {
    expect(CATEGORY_TREE.map((node) => node.code)).toEqual([...TOP_LEVEL_CODES]);
    expect(CATEGORY_TREE.map((node) => node.name)).toEqual([
      "城乡建设",
      "市政公用",
      "环境保护",
      "交通运输",
      "劳动社保",
      "教育文体",
      "卫生健康",
      "市场监管",
      "公共安全",
      "民政服务",
      "市容城管",
      "矛盾纠纷与法律",
      "其他",
    ]);
  });

  it("is of a realistic size", () => {
    const count = (level: number) => rows.filter((row) => row.level === level).length;
    expect(count(1)).toBe(13);
    expect(count(2)).toBeGreaterThanOrEqual(50);
    expect(count(3)).toBeGreaterThanOrEqual(150);
  });

  it("has unique codes that extend their parent's by two digits", () => {
    expect(new Set(rows.map((row) => row.code)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.code).toMatch(/^\d+$/);
      expect(row.code.length).toBe(row.level * 2);
      if (row.parentCode) expect(row.code.startsWith(row.parentCode)).toBe(true);
      expect(row.name.length).toBeGreaterThan(0);
      expect(row.nameEn.length).toBeGreaterThan(0);
    }
  });

  it("routes every level-2 and level-3 node to a known department", () => {
    for (const row of rows.filter((r) => r.level > 1 && !r.code.startsWith("99"))) {
      expect(row.unitCode, row.code).not.toBeNull();
      expect(DISTRICT_DEPARTMENTS[row.unitCode as keyof typeof DISTRICT_DEPARTMENTS]).toBeDefined();
    }
  });

  it("inherits routing hints from the nearest ancestor and lets children override", () => {
    expect(findCategory("050101")).toMatchObject({ handlingLevel: "district", unitCode: "rsj" });
    expect(findCategory("110403")).toMatchObject({
      name: "楼道堆物",
      handlingLevel: "grid",
      unitCode: "cgj",
    });
    expect(findCategory("110302")).toMatchObject({ handlingLevel: "grid" });
    expect(findCategory("1201")).toMatchObject({ handlingLevel: "grid" });
    expect(findCategory("100101")).toMatchObject({ handlingLevel: "community", unitCode: "mzj" });
    expect(findCategory("110101")).toMatchObject({ handlingLevel: "street", unitCode: "cgj" });
    expect(findCategory("020101")).toMatchObject({ name: "燃气入户", unitCode: "rqj" });
    expect(findCategory("120203")).toMatchObject({ handlingLevel: "district", unitCode: "gaj" });
  });

  it("defaults to district level and no unit where nothing on the path says otherwise", () => {
    expect(findCategory("01")).toMatchObject({ handlingLevel: "district", unitCode: null, parentCode: null });
    expect(findCategory("990201")).toMatchObject({ handlingLevel: "district", unitCode: null, level: 3 });
  });

  it("covers the areas the hotline must handle", () => {
    const names = rows.map((row) => row.name);
    for (const name of ["燃气入户", "水电改造", "加装电梯", "拖欠农民工工资", "法律援助申请", "低保申请"]) {
      expect(names).toContain(name);
    }
  });
});
