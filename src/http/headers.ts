import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/** Six months, as HSTS preload lists expect at least. */
const HSTS = "max-age=15552000; includeSubDomains";

/**
 * Security headers on every answer (@fastify/helmet): nosniff, no framing, no referrer beyond the
 * origin, and a Content-Security-Policy the built web app runs under:
 * - scripts only from this origin — the build has no inline script and no eval;
 * - styles from this origin plus inline: Ant Design writes its CSS-in-JS into <style> elements at
 *   run time. A per-request nonce would need index.html rendered per request and every antd/rc
 *   component honouring it; inline style cannot run script, so the script policy stays strict;
 * - images also from the map tile server (MINHU_TILE_URL), if one is configured;
 * - frame-ancestors 'none', and no plugins, foreign forms or <base> tricks.
 * Referrer-Policy is strict-origin-when-cross-origin rather than no-referrer: tile servers such as
 * 天地图 check the referring origin against the key's whitelist, and paths (rating links carry
 * their token in it) never leave the site. HSTS only on https: a plain-http intranet or localhost
 * start must not be told to insist on TLS it does not have.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { tileUrl: string | null }) {
  const tileOrigin = options.tileUrl ? originOf(options.tileUrl) : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
  });
}

/** The origin tiles come from; the {z}/{x}/{y} placeholders sit in the path or the query. */
function originOf(template: string): string | null {
  try {
    return new URL(template).origin;
  } catch {
    return null;
  }
}
