import type { MultiPolygon, Polygon } from "geojson";
import type { Role } from "../auth/roles";
import type { paths } from "./schema";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

/**
 * The JSON a route answers with (its 200 or 201), as the server's response schema declares it in
 * schema.d.ts (generated: `npm run api:types`). A route without a response schema answers `never`.
 */
export type ApiResponse<P extends keyof paths, M extends Method = "get"> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;

/** A route's JSON request body, as its schema validates it. */
export type ApiBody<P extends keyof paths, M extends Method = "post"> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<NonNullable<B>>
  : never;

/**
 * A route's query string. Fields with a server-side default (page, pageSize…) are required in the
 * schema's own terms; a client may leave every field out, so all are optional here.
 */
export type ApiQuery<P extends keyof paths, M extends Method = "get"> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? Partial<NonNullable<Q>>
  : never;

/** GET /api/me; `role` narrowed to the roles the web app knows (the schema says string). */
export type Me = Omit<ApiResponse<"/api/me">, "role"> & { role: Role };

export type RegionSummary = ApiResponse<"/api/regions">["items"][number];
export type RegionLevel = RegionSummary["level"];
export type RegionDetail = ApiResponse<"/api/regions/{code}">;
export type GridWorker = RegionDetail["workers"][number];
export type AppConfig = ApiResponse<"/api/config">;

// The grids are GeoJSON: their geometry has no schema on the server, so it is typed here.
export interface GridProperties {
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  streetName: string;
}

export interface GridFeature {
  type: "Feature";
  properties: GridProperties;
  geometry: Polygon | MultiPolygon;
}

export interface GridCollection {
  type: "FeatureCollection";
  features: GridFeature[];
}

/**
 * GET /api/health (hidden from the OpenAPI document, so typed here): the server answers; while the
 * demo year fills in the background, its progress.
 */
export interface Health {
  status: "ok";
  demoHistory?: { state: "filling" | "done" | "failed"; percent: number };
}
