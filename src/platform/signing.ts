import { createHmac, timingSafeEqual } from "node:crypto";

/** The headers of a signed request between Minhu and another platform (both directions). */
export const SIGNATURE_HEADERS = {
  timestamp: "x-minhu-timestamp",
  nonce: "x-minhu-nonce",
  signature: "x-minhu-signature",
} as const;

/** How far a signed request's timestamp may lie from our clock (seconds), either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** HMAC-SHA256 over `timestamp.nonce.body`, hex: what the sender puts in X-Minhu-Signature. */
export function sign(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${nonce}.${body}`).digest("hex");
}

/** The three signature headers for a body sent now. */
export function signedHeaders(
  secret: string,
  nonce: string,
  body: string,
  now: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: sign(secret, timestamp, nonce, body),
  };
}

export type SignatureProblem = "missing" | "mismatch" | "stale";

/**
 * Checks a signed request: all headers present, the signature right (compared in constant time),
 * the timestamp within the window. The nonce's freshness is the caller's (it needs storage).
 */
export function checkSignature(
  secret: string,
  headers: { timestamp?: string; nonce?: string; signature?: string },
  body: string,
  now: Date,
): SignatureProblem | null {
  const { timestamp, nonce, signature } = headers;
  if (!timestamp || !nonce || !signature || !/^[0-9]{1,12}$/.test(timestamp)) return "missing";
  const expected = Buffer.from(sign(secret, timestamp, nonce, body), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "mismatch";
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return "stale";
  return null;
}
