import { describe, expect, it } from "vitest";
import {
  afterAttempt,
  labelOf,
  outcomeOf,
  type QueuedItem,
  requestBody,
  sendOrder,
  stopsRun,
  summary,
} from "./rules";

const item = (key: string, over: Partial<QueuedItem> = {}): QueuedItem => ({
  key,
  userId: 7,
  kind: "demand",
  body: { content: key },
  photos: [],
  label: key,
  queuedAt: "2026-12-06T08:00:00.000Z",
  state: "waiting",
  ...over,
});

describe("the outbox rules (待发送)", () => {
  it("reads an answer: stored is done, no signal or a passing fault is retried, a refusal is kept", () => {
    expect(outcomeOf({ status: 201, body: { orderNo: "1" } })).toEqual({
      kind: "sent",
      answer: { orderNo: "1" },
    });
    for (const status of [0, 401, 408, 429, 500, 502, 503]) expect(outcomeOf({ status }).kind).toBe("retry");
    expect(outcomeOf("no-network").kind).toBe("retry");
    expect(outcomeOf({ status: 422, code: "IDEMPOTENCY_MISMATCH", message: "no" })).toEqual({
      kind: "refused",
      code: "IDEMPOTENCY_MISMATCH",
      message: "no",
    });
    expect(outcomeOf({ status: 400 })).toMatchObject({ kind: "refused", code: "HTTP_400" });
  });

  it("never loses an item: only a stored answer removes it; a refusal marks it, a retry keeps it", () => {
    const waiting = item("a");
    expect(afterAttempt(waiting, { kind: "sent", answer: {} })).toBe("remove");
    expect(afterAttempt(waiting, { kind: "retry" })).toBe("keep");
    expect(afterAttempt(waiting, { kind: "refused", code: "OUTSIDE_SCOPE", message: "x" })).toEqual({
      ...waiting,
      state: "refused",
      refusal: { code: "OUTSIDE_SCOPE", message: "x" },
    });
    expect(stopsRun({ kind: "retry" })).toBe(true);
    expect(stopsRun({ kind: "refused", code: "X", message: "x" })).toBe(false);
    expect(stopsRun({ kind: "sent", answer: {} })).toBe(false);
  });

  it("sends this account's waiting items oldest first, none twice at once, never another's", () => {
    const items = [
      item("late", { queuedAt: "2026-12-06T09:00:00.000Z" }),
      item("early", { queuedAt: "2026-12-06T07:00:00.000Z" }),
      item("refused", { state: "refused" }),
      item("other", { userId: 8 }),
      item("busy"),
      item("mid"),
    ];
    expect(sendOrder(items, 7, new Set(["busy"])).map((i) => i.key)).toEqual(["early", "mid", "late"]);
    expect(sendOrder(items, 8, new Set()).map((i) => i.key)).toEqual(["other"]);
    expect(summary(items, 7)).toEqual({ waiting: 4, refused: 1 });
    expect(summary(items, 9)).toEqual({ waiting: 0, refused: 0 });
  });

  it("builds the same body every time, photos last as attachments", () => {
    const photos = [{ fileName: "a.jpg", content: "AAAA" }];
    const body = { channel: "grid_patrol", content: "路灯坏了很久了" };
    expect(JSON.stringify(requestBody(body, photos))).toBe(JSON.stringify(requestBody(body, photos)));
    expect(requestBody(body, photos)).toEqual({ ...body, attachments: photos });
    expect(requestBody(body, [])).toBe(body);
    expect(labelOf("  楼道\n堆物  ")).toBe("楼道 堆物");
    expect(labelOf("一".repeat(40))).toBe(`${"一".repeat(30)}…`);
  });
});
