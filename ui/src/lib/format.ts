// Small pure formatters for what the UI shows.

/** "just now", "5 minutes ago", "yesterday", or a date, relative to `now`. */
export function relativeTime(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return m === 1 ? "1 minute ago" : `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 24) return h === 1 ? "1 hour ago" : `${h} hours ago`;
  const d = Math.round(h / 24);
  if (d === 1) return "yesterday";
  if (d < 7) return `${d} days ago`;
  return new Date(thenMs).toISOString().slice(0, 10);
}

/** 1234567 → "1.2 MB" (decimal units, as Okta states its 1 MB limit). */
export function bytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** How well one query word matches a scope: a whole segment beats a segment's
 * start, which beats any substring; 0 is no match. */
function wordScore(segments: string[], scope: string, word: string): number {
  if (segments.includes(word)) return 3;
  if (segments.some((s) => s.startsWith(word))) return 2;
  return scope.includes(word) ? 1 : 0;
}

/** Scopes matching every word of `query`, best match first, at most `limit`. */
export function searchScopes(
  catalog: readonly string[],
  query: string,
  exclude: readonly string[],
  limit = 12,
): string[] {
  const words = query
    .toLowerCase()
    .split(/[\s.]+/)
    .filter(Boolean);
  return catalog
    .filter((s) => !exclude.includes(s))
    .map((scope, order) => {
      const lower = scope.toLowerCase();
      const segments = lower.split(".");
      const scores = words.map((w) => wordScore(segments, lower, w));
      const score = scores.every((x) => x > 0) ? scores.reduce((a, b) => a + b, 0) : 0;
      return { scope, score, order };
    })
    .filter((m) => words.length === 0 || m.score > 0)
    .sort((a, b) => b.score - a.score || a.scope.length - b.scope.length || a.order - b.order)
    .slice(0, limit)
    .map((m) => m.scope);
}

/** Moves item `from` to `to` in a copy of `list`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (to < 0 || to >= out.length || from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A calendar day as Okta's pages write it: "4 March 2026". */
export function calendarDate(d: { year: number; month: number; day: number }): string {
  return `${d.day} ${MONTHS[d.month - 1] ?? "?"} ${d.year}`;
}
