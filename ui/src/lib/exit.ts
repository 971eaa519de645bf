// Nothing lost on a clean exit: whatever holds unsaved work (the open draft's
// autosave, a password typed in the last moment) registers a flush here; when
// the app is asked to quit, every flush runs and the app leaves only once all
// of them say the work is saved. Framework-free.

export type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

/** Registers a flush; the returned function unregisters it. */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every flush; true when all of them saved (a throw counts as not saved). */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all(
    [...flushes].map((f) =>
      f().then(
        (ok) => ok,
        () => false,
      ),
    ),
  );
  return results.every(Boolean);
}
