import { describe, expect, it } from "vitest";
import { detectRepeats, normaliseAddress, type RepeatRow } from "./repeats.js";

const names = { region: (code: string) => `区域${code}`, category: (code: string) => `类别${code}` };
let serial = 0;
function row(fields: Partial<RepeatRow>): RepeatRow {
  serial += 1;
  return {
    id: String(serial),
    phoneHash: null,
    phoneMasked: null,
    address: null,
    regionCode: "610103001001001",
    categoryCode: "020201",
    createdAt: new Date(Date.UTC(2026, 10, serial % 28)),
    ...fields,
  };
}

describe("address normalisation", () => {
  it("folds full-width digits, spaces, punctuation and the city prefix into one spelling", () => {
    expect(normaliseAddress("陕西省西安市碑林区 互助路２３号院，5号楼")).toBe(
      normaliseAddress("互助路23号院5号楼"),
    );
  });

  it("gives no key to addresses too short to name one place", () => {
    expect(normaliseAddress("南大街")).toBeNull();
    expect(normaliseAddress("碑林区 无")).toBeNull();
  });
});

describe("repeat callers and addresses", () => {
  it("fires for a caller with 3 demands and not for one with 2", () => {
    const three = [1, 2, 3].map(() => row({ phoneHash: "h-three", phoneMasked: "138****0001" }));
    const two = [1, 2].map(() => row({ phoneHash: "h-two", phoneMasked: "138****0002" }));
    const found = detectRepeats([...three, ...two], "2026-11", names);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "repeat_caller",
      dedupeKey: "repeat_caller:caller:h-three:2026-11",
      orderIds: three.map((r) => r.id),
    });
    expect(found[0].title).toContain("138****0001");
  });

  it("fires for one address written three ways by three callers", () => {
    const rows = ["互助路23号院5号楼", "互助路２３号院 5号楼", "碑林区互助路23号院5号楼。"].map(
      (address, i) => row({ address, phoneHash: `p${i}` }),
    );
    const [warning, ...rest] = detectRepeats(rows, "2026-11", names);
    expect(rest).toEqual([]);
    expect(warning.detail).toMatchObject({ kind: "address", count: 3 });
  });

  it("does not repeat a caller's warning as an address warning when all the demands are theirs", () => {
    const rows = [1, 2, 3].map(() => row({ phoneHash: "same", address: "互助路23号院5号楼" }));
    expect(detectRepeats(rows, "2026-11", names).map((w) => w.detail.kind)).toEqual(["caller"]);
  });

  it("places the warning in the smallest region holding every demand", () => {
    const rows = ["610103001001001", "610103001001002", "610103001002001"].map((regionCode) =>
      row({ phoneHash: "roaming", regionCode }),
    );
    expect(detectRepeats(rows, "2026-11", names)[0].regionCode).toBe("610103001");
  });
});
