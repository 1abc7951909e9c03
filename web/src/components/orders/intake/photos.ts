/** The server's limits: 6 photos, 5 MB each (src/modules/demands/attachments.ts). */
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Phone photos are shrunk to this longest side before upload, so six fit well under the body limit. */
const MAX_SIDE = 1600;
const SHRINK_ABOVE_BYTES = 600 * 1024;

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(blob);
  });
}

async function shrink(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("encode failed"))), "image/jpeg", 0.82),
  );
}

/** Encoded once per file, so a retried submission sends exactly the same bytes (same idempotent body). */
const encoded = new WeakMap<File, Promise<{ fileName: string; content: string }>>();

/**
 * A photo as the intake API wants it ({fileName, content: base64}); large ones are shrunk to JPEG
 * first. The server still checks the real type and size.
 */
export function encodePhoto(file: File): Promise<{ fileName: string; content: string }> {
  let result = encoded.get(file);
  if (!result) {
    result = (async () => {
      if (file.size <= SHRINK_ABOVE_BYTES || file.type === "image/gif") {
        return { fileName: file.name, content: await blobToBase64(file) };
      }
      try {
        const blob = await shrink(file);
        const name = file.name.replace(/\.[^.]+$/, "") || "photo";
        return { fileName: `${name}.jpg`, content: await blobToBase64(blob) };
      } catch {
        return { fileName: file.name, content: await blobToBase64(file) };
      }
    })();
    encoded.set(file, result);
  }
  return result;
}
