import { describe, expect, it } from "vitest";
import { canSeeOrder, type OrderReach } from "./order-visibility.js";
import type { Actor } from "./permissions.js";

const STREET = "610103001";
const COMMUNITY = "610103001002";
const OTHER_STREET = "610103002";

/** An order located in a community of STREET, held by STREET, assigned to unit 5, from resident 77. */
const change: OrderReach = {
  regionCode: `${COMMUNITY}003`,
  holderRegionCode: STREET,
  unitIds: [5],
  residentId: 77,
};

function actor(fields: Partial<Actor>): Actor {
  return {
    id: 1,
    username: "u",
    role: "staff",
    regionCode: null,
    unitId: null,
    unitRegionCode: null,
    ...fields,
  };
}

describe("canSeeOrder", () => {
  it.each<[string, Actor, Partial<OrderReach>, boolean]>([
    ["street staff see an order located in their street", actor({ regionCode: STREET }), {}, true],
    ["community staff see an order located in their community", actor({ regionCode: COMMUNITY }), {}, true],
    ["staff of another street do not", actor({ regionCode: OTHER_STREET }), {}, false],
    [
      "the street holding an order located elsewhere sees it",
      actor({ regionCode: STREET }),
      { regionCode: `${OTHER_STREET}001001` },
      true,
    ],
    [
      "the street where it lies sees it after it moved to another holder",
      actor({ regionCode: STREET }),
      { holderRegionCode: OTHER_STREET },
      true,
    ],
    ["a staff member without a region sees nothing by region", actor({ regionCode: null }), {}, false],
    ["an admin without a region sees everything", actor({ role: "admin" }), {}, true],
    ["an admin of another street does not", actor({ role: "admin", regionCode: OTHER_STREET }), {}, false],
    [
      "a handler of an assigned unit sees it wherever the unit sits",
      actor({ role: "unit_handler", unitId: 5, unitRegionCode: OTHER_STREET }),
      {},
      true,
    ],
    [
      "a handler of an unassigned unit elsewhere does not",
      actor({ role: "unit_handler", unitId: 6, unitRegionCode: OTHER_STREET }),
      {},
      false,
    ],
    [
      "a handler is scoped by the unit's region, not a personal region",
      actor({ role: "unit_handler", regionCode: STREET, unitId: 6, unitRegionCode: OTHER_STREET }),
      {},
      false,
    ],
    [
      "the resident who submitted it sees it",
      actor({ role: "resident", id: 77, regionCode: STREET }),
      {},
      true,
    ],
    [
      "another resident does not, even living in the street",
      actor({ role: "resident", id: 78, regionCode: STREET }),
      {},
      false,
    ],
    [
      "a resident is not matched to an order without resident",
      actor({ role: "resident", id: 77 }),
      { residentId: null },
      false,
    ],
    [
      "a grid worker does not see an order in the neighbouring grid",
      actor({ role: "grid_worker", regionCode: `${COMMUNITY}004` }),
      {},
      false,
    ],
    [
      "a district department's handler does not see the district's orders its unit is not assigned to",
      actor({ role: "unit_handler", unitId: 6, unitRegionCode: "610103" }),
      {},
      false,
    ],
    [
      "an assisting unit's handler sees it",
      actor({ role: "unit_handler", unitId: 6, unitRegionCode: "610103" }),
      { unitIds: [5, 6] },
      true,
    ],
  ])("%s", (_, who, fields, visible) => {
    expect(canSeeOrder(who, { ...change, ...fields })).toBe(visible);
  });
});
