import { describe, expect, it } from "vitest";
import { bytes, move, relativeTime, searchScopes, calendarDate } from "./format";

describe("relativeTime", () => {
  const now = Date.UTC(2026, 10, 29, 12);
  it.each([
    [now - 10_000, "just now"],
    [now - 60_000, "1 minute ago"],
    [now - 5 * 60_000, "5 minutes ago"],
    [now - 3 * 3600_000, "3 hours ago"],
    [now - 26 * 3600_000, "yesterday"],
    [now - 3 * 86400_000, "3 days ago"],
    [Date.UTC(2026, 0, 2), "2026-01-02"],
  ])("%i → %s", (then, want) => expect(relativeTime(then, now)).toBe(want));
});

describe("bytes", () => {
  it("uses decimal units like Okta's 1 MB rule", () => {
    expect(bytes(999)).toBe("999 bytes");
    expect(bytes(999_999)).toBe("1000.0 kB");
    expect(bytes(1_000_000)).toBe("1.0 MB");
  });
});

describe("searchScopes", () => {
  const catalog = [
    "okta.directories.groups.manage",
    "okta.groups.manage",
    "okta.groups.read",
    "okta.logStreams.read",
    "okta.logs.read",
    "okta.users.manage",
    "okta.users.read",
  ];
  it("matches every word, case-insensitively, and hides chosen scopes", () => {
    expect(searchScopes(catalog, "USERS", [])).toEqual(["okta.users.read", "okta.users.manage"]);
    expect(searchScopes(catalog, "read groups", [])).toEqual(["okta.groups.read"]);
    expect(searchScopes(catalog, "users", ["okta.users.read"])).toEqual(["okta.users.manage"]);
  });
  it("ranks whole segments above prefixes and longer names", () => {
    expect(searchScopes(catalog, "logs read", [])).toEqual([
      "okta.logs.read",
      "okta.logStreams.read",
    ]);
    expect(searchScopes(catalog, "log", [])).toEqual(["okta.logs.read", "okta.logStreams.read"]);
    expect(searchScopes(catalog, "groups manage", [])[0]).toBe("okta.groups.manage");
    expect(searchScopes(catalog, "okta.groups.manage", [])[0]).toBe("okta.groups.manage");
    expect(searchScopes(catalog, "", [], 2)).toHaveLength(2);
  });
});

describe("move", () => {
  it("reorders without touching the original, and ignores moves past the ends", () => {
    const list = ["a", "b", "c"];
    expect(move(list, 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(list, 2, 3)).toEqual(["a", "b", "c"]);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("calendarDate", () => {
  it("writes the day as Okta's pages do", () => {
    expect(calendarDate({ year: 2026, month: 3, day: 4 })).toBe("4 March 2026");
    expect(calendarDate({ year: 2026, month: 12, day: 31 })).toBe("31 December 2026");
  });
});
