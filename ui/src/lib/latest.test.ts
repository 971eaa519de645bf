import { describe, expect, it } from "vitest";
import { Latest } from "./latest";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Latest", () => {
  it("runs the first value at once, without waiting for a timer", async () => {
    const seen: number[] = [];
    const l = new Latest<number>(async (v) => void seen.push(v));
    l.push(1);
    expect(seen).toEqual([1]);
    await l.settled();
  });

  it("coalesces what arrives during a run into the newest value only", async () => {
    const seen: number[] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const l = new Latest<number>(async (v) => {
      seen.push(v);
      const g = deferred();
      gates.push(g);
      await g.promise;
    });
    l.push(1);
    l.push(2);
    l.push(3);
    l.push(4);
    expect(seen).toEqual([1]);
    gates[0]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, 4]);
    gates[1]!.resolve();
    await l.settled();
    expect(seen).toEqual([1, 4]);
  });

  it("keeps going after a job fails", async () => {
    const seen: number[] = [];
    const l = new Latest<number>(async (v) => {
      seen.push(v);
      if (v === 1) throw new Error("boom");
    });
    l.push(1);
    l.push(2);
    await l.settled();
    expect(seen).toEqual([1, 2]);
    l.push(3);
    await l.settled();
    expect(seen).toEqual([1, 2, 3]);
  });
});
