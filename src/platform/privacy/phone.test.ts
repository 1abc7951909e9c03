import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone, PhoneVault } from "./phone.js";

describe("phone privacy", () => {
  const vault = new PhoneVault(randomBytes(32));

  it("encrypts so that the stored text does not contain the number, and decrypts it back", () => {
    const sealed = vault.encrypt("13812341234");
    expect(sealed).not.toContain("1381234");
    expect(vault.decrypt(sealed)).toBe("13812341234");
  });

  it("encrypts the same phone differently each time but hashes it the same way", () => {
    expect(vault.encrypt("13812341234")).not.toBe(vault.encrypt("13812341234"));
    expect(vault.lookupHash("+86 138-1234-1234")).toBe(vault.lookupHash("13812341234"));
  });

  it("masks all but the first three and last four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("029-8765-43210")).toBe("029*****3210");
    expect(normalizePhone("+8613812341234")).toBe("13812341234");
  });

  it("rejects a tampered ciphertext", () => {
    const [iv, tag, body] = vault.encrypt("13812341234").split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => vault.decrypt([iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});
