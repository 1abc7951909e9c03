import { describe, expect, it } from "vitest";
import { CHANNEL_PAGES, NAV_PAGES } from "./pages";

// The server's table, read at run time: the web app's typecheck does not take in server sources.
const serverTable = new URL("../../../src/modules/demands/channels.ts", import.meta.url).href;
const { CHANNELS } = (await import(/* @vite-ignore */ serverTable)) as {
  CHANNELS: Record<string, { roles: readonly string[] }>;
};

describe("渠道受理 menu entries", () => {
  it("offer each channel to exactly the roles the server lets take it", () => {
    for (const [channel, roles] of Object.entries(CHANNEL_PAGES)) {
      const server = CHANNELS[channel];
      expect(server, channel).toBeDefined();
      expect([...roles].sort(), channel).toEqual([...server.roles].sort());
      expect(NAV_PAGES.find((page) => page.path === `/channels/${channel}`)?.roles).toBe(roles);
    }
  });

  it("cover every channel without a page of its own", () => {
    const ownPages = ["12345", "online", "grid_patrol", "household_visit"];
    const expected = Object.keys(CHANNELS).filter((code) => !ownPages.includes(code));
    expect(Object.keys(CHANNEL_PAGES).sort()).toEqual(expected.sort());
  });
});

// The server's permissions, read the same way.
const serverPermissions = new URL("../../../src/platform/auth/permissions.ts", import.meta.url).href;
const { PERMISSIONS } = (await import(/* @vite-ignore */ serverPermissions)) as {
  PERMISSIONS: Record<string, readonly string[]>;
};

describe("staff pages behind one permission", () => {
  it("are in the menu of exactly the roles the server grants it", () => {
    const pages: Record<string, string> = { "/publishing": "publications.manage" };
    for (const [path, permission] of Object.entries(pages)) {
      const roles = NAV_PAGES.find((page) => page.path === path)?.roles;
      expect([...(roles ?? [])].sort(), path).toEqual([...(PERMISSIONS[permission] ?? [])].sort());
    }
  });
});
