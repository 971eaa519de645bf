import { describe, expect, it } from "vitest";
import { actionFor, keychainHelp } from "./errors";

describe("what the UI does with each error code", () => {
  it("opens the sign-in for signIn", () => {
    expect(actionFor({ code: "signIn", message: "m" })).toEqual({ kind: "signIn" });
  });
  it("shows the keychain help for this system", () => {
    const a = actionFor({ code: "keychain", message: "m" }, false, "MacIntel");
    expect(a).toEqual({ kind: "keychain", help: keychainHelp("MacIntel") });
    expect(keychainHelp("Linux x86_64")).toContain("GNOME Keyring");
    expect(keychainHelp("Win32")).toContain("Credential Manager");
  });
  it("says a submit waits in the outbox when offline", () => {
    const a = actionFor({ code: "offline", message: "m" }, true);
    expect(a.kind === "offline" && a.note).toContain("outbox");
    const b = actionFor({ code: "offline", message: "m" });
    expect(b.kind === "offline" && b.note).not.toContain("outbox");
  });
  it("goes to the fields a problem names, else shows the message", () => {
    const a = actionFor({
      code: "problem",
      message: "m",
      fields: [{ path: "testAccount.url", message: "x" }],
    });
    expect(a).toEqual({ kind: "fields", paths: ["testAccount.url"] });
    expect(actionFor({ code: "problem", message: "m" })).toEqual({ kind: "message" });
  });
  it("lists the candidates and leaves a gone draft", () => {
    expect(actionFor({ code: "chooseSubmission", message: "m" }).kind).toBe("choose");
    expect(actionFor({ code: "notFound", message: "m" }).kind).toBe("gone");
  });
});
