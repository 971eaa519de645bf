// Copies text the user asked for (not secrets: Rust copies the password, so it
// never reaches the webview). When the text still has to be fetched, WebKit
// refuses `writeText` after the await: the click's permission is spent. A
// ClipboardItem given the pending text keeps it.

/** Copies `text` (or the text it resolves to) to the clipboard. */
export async function copyText(text: string | Promise<string>): Promise<void> {
  if (typeof text === "string") return navigator.clipboard.writeText(text);
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
    const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
    return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
  }
  return navigator.clipboard.writeText(await text);
}
