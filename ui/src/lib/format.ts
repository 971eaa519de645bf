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

/** Scopes matching every word of `query`, in catalog order, at most `limit`. */
export function searchScopes(
  catalog: readonly string[],
  query: string,
  exclude: readonly string[],
  limit = 12,
): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return catalog
    .filter((s) => !exclude.includes(s))
    .filter((s) => words.every((w) => s.toLowerCase().includes(w)))
    .slice(0, limit);
}

/** Moves item `from` to `to` in a copy of `list`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (to < 0 || to >= out.length || from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
