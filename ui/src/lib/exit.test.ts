import { afterEach, describe, expect, it } from "vitest";
import { flushAll, registerFlush } from "./exit";
import { Autosaver } from "./autosave";

const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((u) => u()));

describe("the exit flush", () => {
  it("is saved when nothing is registered and when every flush saves", async () => {
    expect(await flushAll()).toBe(true);
    undo.push(registerFlush(async () => true));
    expect(await flushAll()).toBe(true);
  });

  it("is not saved when one flush fails or throws", async () => {
    undo.push(registerFlush(async () => true));
    const failing = registerFlush(async () => false);
    expect(await flushAll()).toBe(false);
    failing();
    undo.push(
      registerFlush(async () => {
        throw new Error("disk full");
      }),
    );
    expect(await flushAll()).toBe(false);
  });

  it("waits for the autosave's pending edit, which is then no longer dirty", async () => {
    const saved: string[] = [];
    const saver = new Autosaver<string, void>(
      async (v) => {
        await new Promise((r) => setTimeout(r, 20));
        saved.push(v);
      },
      {
        delayMs: 10_000,
        maxWaitMs: 10_000,
        retryMs: 10_000,
        onStatus: () => {},
        onSaved: () => {},
      },
    );
    saver.schedule("typed just before quitting");
    expect(saver.dirty).toBe(true);
    undo.push(registerFlush(() => saver.flush()));
    expect(await flushAll()).toBe(true);
    expect(saved).toEqual(["typed just before quitting"]);
    expect(saver.dirty).toBe(false);
  });

  it("reports a save that keeps failing, and keeps the edit", async () => {
    const saver = new Autosaver<string, void>(
      async () => {
        throw new Error("read-only folder");
      },
      {
        delayMs: 10_000,
        maxWaitMs: 10_000,
        retryMs: 10_000,
        onStatus: () => {},
        onSaved: () => {},
      },
    );
    saver.schedule("last line");
    undo.push(registerFlush(() => saver.flush()));
    expect(await flushAll()).toBe(false);
    expect(saver.dirty, "the edit is still there to try again").toBe(true);
  });
});
