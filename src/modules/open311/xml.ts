import type { XMLBuilder } from "fast-xml-parser";

/**
 * GeoReport v2's XML is its JSON by the Spark convention: a list is an element holding one element
 * per item, named in the singular. These are the lists the spec names and their items' names.
 */
const ITEM_OF: Readonly<Record<string, string>> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
  errors: "error",
};

let builder: XMLBuilder | undefined;

/** An Open311 answer as XML: `root` names the outer list (or element) of `value`. */
export async function toXml(root: string, value: unknown): Promise<string> {
  // Loaded with the first XML answer, not at every start: most clients ask for JSON.
  builder ??= new (await import("fast-xml-parser")).XMLBuilder({ format: false, suppressEmptyNode: false });
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: spark(root, value) })}`;
}

function spark(name: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? name;
    return { [item]: value.map((entry) => spark(item, entry)) };
  }
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, child]) => child !== null && child !== undefined)
        .map(([key, child]) => [key, spark(key, child)]),
    );
  return value;
}
