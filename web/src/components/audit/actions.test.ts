import { describe, expect, it } from "vitest";
import * as server from "../../../../src/modules/audit/rules";
import { enUS, zhCN } from "../../i18n/messages";
import { AUDIT_ACTIONS, AUDIT_GROUPS } from "./actions";

describe("audit action labels", () => {
  it("know exactly the codes and groups the server records, each labelled in both languages", () => {
    expect([...AUDIT_ACTIONS]).toEqual([...server.AUDIT_ACTIONS]);
    expect([...AUDIT_GROUPS]).toEqual([...server.AUDIT_GROUPS]);
    for (const code of AUDIT_ACTIONS) {
      const key = `audit.action.${code}` as keyof typeof zhCN;
      expect(zhCN[key], code).toBeTruthy();
      expect(enUS[key], code).toBeTruthy();
    }
  });
});
