// What the UI does with an error from core, decided once, from its code (the
// UI never parses a message): sign in again, the keychain's help, offline
// words, the fields to go to, or just the message.
import type { IpcError } from "./bindings/IpcError";

export type ErrorAction =
  | { kind: "signIn" }
  | { kind: "keychain"; help: string }
  | { kind: "offline"; note: string }
  | { kind: "fields"; paths: string[] }
  | { kind: "choose" }
  | { kind: "gone" }
  | { kind: "message" };

/** Where the keychain lives on each system, for the help under a keychain error. */
export function keychainHelp(platform: string): string {
  const p = platform.toLowerCase();
  if (p.includes("mac"))
    return "OIN Studio keeps secrets in the macOS Keychain. Open Keychain Access, make sure the login keychain is unlocked, then try again.";
  if (p.includes("win"))
    return "OIN Studio keeps secrets in the Windows Credential Manager. Sign in to Windows with your own account (not a guest), then try again.";
  return "OIN Studio keeps secrets in your desktop's keyring (GNOME Keyring or KWallet). Make sure it is running and unlocked — signing out and in again unlocks it — then try again.";
}

/** What to do about `err`; `submitting`: the error came from a submit. */
export function actionFor(err: IpcError, submitting = false, platform = ""): ErrorAction {
  switch (err.code) {
    case "signIn":
      return { kind: "signIn" };
    case "keychain":
      return { kind: "keychain", help: keychainHelp(platform) };
    case "offline":
      return {
        kind: "offline",
        note: submitting
          ? "Nothing is lost: the submission waits in the outbox and goes as soon as Okta can be reached."
          : "Nothing is lost. Try again when you're online.",
      };
    case "chooseSubmission":
      return { kind: "choose" };
    case "notFound":
      return { kind: "gone" };
    default:
      return err.fields?.length
        ? { kind: "fields", paths: err.fields.map((f) => f.path) }
        : { kind: "message" };
  }
}
