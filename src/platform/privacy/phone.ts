import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Phones are personal information (PIPL): stored encrypted (AES-256-GCM), looked up by a keyed hash,
 * shown masked. The key comes from MINHU_SECRET_KEY (or the data dir's generated key).
 */
export class PhoneVault {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error("the secret key must be at least 32 bytes");
    // Separate keys for encryption and lookup, derived from the one secret.
    this.encryptionKey = createHmac("sha256", secret).update("minhu:phone:encrypt").digest();
    this.lookupKey = createHmac("sha256", secret).update("minhu:phone:lookup").digest();
  }

  /** "iv.tag.ciphertext", base64url. */
  encrypt(phone: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(normalizePhone(phone), "utf8"), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
  }

  decrypt(sealed: string): string {
    const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
    const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  }

  /** Deterministic keyed hash, so equal phones can be found without decrypting every row. */
  lookupHash(phone: string): string {
    return createHmac("sha256", this.lookupKey).update(normalizePhone(phone)).digest("base64url");
  }
}

/** Digits only, without a +86 prefix. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
}

/** 138****1234: first three and last four digits visible. */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}
