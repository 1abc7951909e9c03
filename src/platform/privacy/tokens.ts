import { createHash, createHmac } from "node:crypto";

/**
 * Unguessable links (the return-visit rating link): a token is an HMAC of what it names under the
 * server secret, so it can be shown again to its owner without being stored; the database keeps
 * only its SHA-256 for lookup.
 */
export class TokenSigner {
  private readonly key: Buffer;
  private readonly anchorKey: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac("sha256", secret).update("minhu:tokens").digest();
    this.anchorKey = createHmac("sha256", secret).update("minhu:chain-anchors").digest();
  }

  /** The MAC of a hash-chain anchor (audit/anchors.ts): only a holder of the server secret can make one. */
  anchorMac(text: string): string {
    return createHmac("sha256", this.anchorKey).update(text).digest("hex");
  }

  /** The rating-link token of an order's return visit in a round. */
  visitToken(orderId: string, round: number): string {
    return createHmac("sha256", this.key).update(`visit:${orderId}:${round}`).digest("base64url");
  }

  /**
   * The stored form of a one-time sign-in code, bound to the phone: an HMAC under the server secret,
   * so a copy of the table does not give the codes away (six digits alone fall to a brute force).
   */
  phoneCodeHash(phoneHash: string, code: string): string {
    return createHmac("sha256", this.key).update(`phone-code:${phoneHash}:${code}`).digest("base64url");
  }

  /** What the database stores and looks tokens up by. */
  static hash(token: string): string {
    return createHash("sha256").update(token).digest("base64url");
  }
}
