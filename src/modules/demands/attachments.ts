import { createHash, randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { fail } from "../../platform/errors.js";

/** Photos only; the file's own bytes decide its type, never its name or the client's claim. */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: "image/jpeg", test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: "image/png",
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: "image/gif",
    test: (b) =>
      b.subarray(0, 6).toString("latin1") === "GIF87a" || b.subarray(0, 6).toString("latin1") === "GIF89a",
  },
  {
    mime: "image/webp",
    test: (b) =>
      b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
];

/** A PDF (%PDF-), accepted only where a caller asks for documents too (service materials). */
const PDF = { mime: "application/pdf", test: (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-" };

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 6;

/** Photos in a request body (a demand at intake, a unit's reply), each base64-encoded. */
export const AttachmentsInput = Type.Array(
  Type.Object(
    {
      fileName: Type.String({ minLength: 1, maxLength: 120 }),
      content: Type.String({ contentEncoding: "base64", maxLength: 7_000_000 }),
    },
    { additionalProperties: false },
  ),
  { maxItems: MAX_ATTACHMENTS },
);

export interface IncomingAttachment {
  fileName: string;
  /** base64 of the file's bytes */
  content: string;
}

export interface CheckedAttachment {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

/**
 * Decodes and checks every attachment before anything is stored: real image type (or PDF when
 * `pdf` is set), size cap.
 */
export function checkAttachments(
  incoming: readonly IncomingAttachment[],
  options: { pdf?: boolean } = {},
): CheckedAttachment[] {
  const signatures = options.pdf ? [...SIGNATURES, PDF] : SIGNATURES;
  return incoming.map((attachment) => {
    const bytes = Buffer.from(attachment.content, "base64");
    if (bytes.length === 0) throw fail("VALIDATION_FAILED", { detail: `${attachment.fileName}: empty file` });
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw fail("PAYLOAD_TOO_LARGE", { limit: "5 MB" });
    const kind = signatures.find((s) => s.test(bytes));
    if (!kind) throw fail("UNSUPPORTED_FILE", { type: attachment.fileName });
    return { fileName: attachment.fileName, mime: kind.mime, bytes };
  });
}

/** Gives each checked file its id and checksum before it is stored with its order. */
export function identify(files: readonly CheckedAttachment[]) {
  return files.map((file) => ({
    id: randomUUID(),
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    file,
  }));
}
