// What some field kinds need from the editor beyond the draft: the password
// (held in the keychain, never in the draft), the logo doctor, the test suite's
// report. The editor provides them once, by context; the fields read them.
import { getContext, setContext } from "svelte";
import type { Shape } from "../../lib/bindings/Shape";
import type { FixProgress } from "../../lib/bindings/FixProgress";
import type { SuiteReport } from "../../lib/bindings/SuiteReport";
import type { IpcError } from "../../lib/bindings/IpcError";

export type FieldServices = {
  password: {
    readonly value: string;
    readonly has: boolean;
    readonly revealed: boolean;
    readonly error: IpcError | null;
    input: (value: string) => void;
    reveal: () => void;
    copy: () => void;
  };
  fixLogo: (
    shape: Shape | null,
    background: [number, number, number] | null,
    onProgress: (p: FixProgress) => void,
  ) => Promise<void>;
  useOriginalLogo: () => Promise<void>;
  readonly suite: SuiteReport | null;
};

const KEY = "field-services";

export function provideFieldServices(s: FieldServices): void {
  setContext(KEY, s);
}

export function fieldServices(): FieldServices {
  const s = getContext<FieldServices | undefined>(KEY);
  if (!s) throw new Error("a field that needs the editor's services is rendered outside it");
  return s;
}
