/**
 * The fields of a NOTIFY payload that should hold a JSON object; null for anything else. Anyone
 * connected to the database may NOTIFY a channel, so every listener reads its payloads through this
 * and then checks the fields it needs.
 */
export function payloadFields(payload: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
