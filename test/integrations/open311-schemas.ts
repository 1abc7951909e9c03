/**
 * JSON Schemas of the Open311 GeoReport v2 responses, written from the specification
 * (http://wiki.open311.org/GeoReport_v2, "Response" tables and JSON examples of each method, and
 * http://wiki.open311.org/Service_Discovery). Test material only: nothing in src/ reads them.
 */
const w3DateTime = {
  type: "string",
  // "All date/time fields must be formatted in a common subset of ISO 8601 … Timezone information must be included."
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
};
const text = { type: "string" };

export const discoverySchema = {
  type: "object",
  required: ["changeset", "contact", "endpoints"],
  additionalProperties: false,
  properties: {
    changeset: w3DateTime,
    contact: text,
    key_service: text,
    endpoints: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["specification", "url", "type", "formats"],
        additionalProperties: false,
        properties: {
          specification: { const: "http://wiki.open311.org/GeoReport_v2" },
          url: { type: "string", pattern: "^https?://" },
          changeset: w3DateTime,
          type: { enum: ["production", "test"] },
          formats: { type: "array", items: { enum: ["text/xml", "application/json"] } },
        },
      },
    },
  },
};

export const servicesSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["service_code", "service_name", "metadata", "type"],
    additionalProperties: false,
    properties: {
      service_code: text,
      service_name: text,
      description: text,
      metadata: { type: "boolean" },
      type: { enum: ["realtime", "batch", "blackbox"] },
      keywords: text,
      group: text,
    },
  },
};

export const serviceDefinitionSchema = {
  type: "object",
  required: ["service_code", "attributes"],
  additionalProperties: false,
  properties: {
    service_code: text,
    attributes: {
      type: "array",
      items: {
        type: "object",
        required: ["variable", "code", "datatype", "required", "order", "description"],
        additionalProperties: false,
        properties: {
          variable: { type: "boolean" },
          code: text,
          datatype: { enum: ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"] },
          required: { type: "boolean" },
          datatype_description: text,
          order: { type: "integer", minimum: 0 },
          description: text,
          values: {
            type: "array",
            items: {
              type: "object",
              required: ["key", "name"],
              additionalProperties: false,
              properties: { key: text, name: text },
            },
          },
        },
      },
    },
  },
};

/** POST Service Request: "service_request_id" for realtime services, else a token. */
export const postResponseSchema = {
  type: "array",
  minItems: 1,
  maxItems: 1,
  items: {
    type: "object",
    anyOf: [{ required: ["service_request_id"] }, { required: ["token"] }],
    additionalProperties: false,
    properties: { service_request_id: text, token: text, service_notice: text, account_id: text },
  },
};

export const tokenSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["token"],
    additionalProperties: false,
    properties: { service_request_id: text, token: text },
  },
};

export const requestsSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["service_request_id", "status", "requested_datetime"],
    additionalProperties: false,
    properties: {
      service_request_id: text,
      status: { enum: ["open", "closed"] },
      status_notes: text,
      service_name: text,
      service_code: text,
      description: text,
      agency_responsible: text,
      service_notice: text,
      requested_datetime: w3DateTime,
      updated_datetime: w3DateTime,
      expected_datetime: w3DateTime,
      address: text,
      address_id: text,
      zipcode: text,
      lat: { type: "number", minimum: -90, maximum: 90 },
      long: { type: "number", minimum: -180, maximum: 180 },
      media_url: text,
    },
  },
};

export const errorsSchema = {
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    required: ["code", "description"],
    additionalProperties: false,
    properties: { code: { type: "integer" }, description: text },
  },
};
