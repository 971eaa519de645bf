import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveStatus } from "./autosave";

function harness(save: (v: string) => Promise<string>, maxWaitMs = 300) {
  const statuses: SaveStatus[] = [];
  const saved: string[] = [];
  const saver = new Autosaver<string, string>(save, {
    delayMs: 300,
    maxWaitMs,
    retryMs: 2000,
    onStatus: (s) => statuses.push(s),
    onSaved: (r) => saved.push(r),
  });
  return { saver, statuses, saved };
}

describe("Autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, 300 ms after the last keystroke, with the latest value", async () => {
    const save = vi.fn(async (v: string) => v);
    const { saver, saved } = harness(save, 10_000);
    saver.schedule("a");
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule("ab");
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(["ab"]);
  });

  it("keeps saving every 300 ms while typing never pauses", async () => {
    const save = vi.fn(async (v: string) => v);
    const { saver, saved } = harness(save);
    let text = "";
    for (let i = 0; i < 20; i++) {
      text += "x";
      saver.schedule(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 2 s of keystrokes 100 ms apart: a save at least every 300 ms, the latest text each time.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(6);
    expect(saved.at(-1)!.length).toBeGreaterThanOrEqual(18);
  });

  it("never runs two saves at once and saves what was typed meanwhile", async () => {
    let release: () => void = () => {};
    const calls: string[] = [];
    const save = (v: string) =>
      new Promise<string>((resolve) => {
        calls.push(v);
        release = () => resolve(v);
      });
    const { saver, statuses } = harness(save);
    saver.schedule("a");
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule("abc");
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toEqual(["a"]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(["a", "abc"]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("keeps a failed edit and saves it when the disk comes back", async () => {
    let full = true;
    const save = vi.fn(async (v: string) => {
      if (full) throw { code: "problem", message: "The disk is full" };
      return v;
    });
    const { saver, statuses, saved } = harness(save);
    saver.schedule("typed while full");
    await vi.advanceTimersByTimeAsync(300);
    expect(statuses.at(-1)).toBe("error");
    expect(saver.dirty).toBe(true);
    full = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(["typed while full"]);
    expect(saver.dirty).toBe(false);
  });

  it("a newer edit made during a failure wins over the failed one", async () => {
    let fail = true;
    const save = vi.fn(async (v: string) => {
      if (fail) throw new Error("read-only");
      return v;
    });
    const { saver, saved } = harness(save);
    saver.schedule("old");
    await vi.advanceTimersByTimeAsync(300);
    fail = false;
    saver.schedule("new");
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual(["new"]);
  });

  it("flush saves at once and reports failure", async () => {
    const save = vi.fn(async (v: string) => v);
    const { saver, saved } = harness(save);
    saver.schedule("x");
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(["x"]);

    const failing = harness(async () => {
      throw new Error("full");
    });
    failing.saver.schedule("y");
    expect(await failing.saver.flush()).toBe(false);
    expect(failing.saver.dirty).toBe(true);
  });
});
