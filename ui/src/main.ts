// Start-up milestones, read by `oin-bench timeline` (performance marks cost nothing).
performance.mark("js-start");
import { flushSync, mount } from "svelte";
import App from "./App.svelte";
import type { Started } from "./lib/bindings/Started";
import { startup } from "./lib/ipc";
import "./app.css";

declare global {
  interface Window {
    /** The first screen, handed over by the app with the page (startup.rs). */
    __OIN_START__?: Started;
  }
}

// The app hands the first screen over with the page, so the library shows
// without waiting for a round of IPC (~90 ms on a webview that has just
// started). A reload asks: what was handed over is the start's, not now's.
const handed = window.__OIN_START__;
delete window.__OIN_START__;
const navigation = performance.getEntriesByType("navigation")[0] as
  PerformanceNavigationTiming | undefined;
const fresh = navigation?.type === "navigate";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
const app = mount(App, {
  target,
  props: { handed: handed && fresh ? handed : null, ask: startup },
});
// Run the components' onMount now: the start-up's first IPC goes out at once
// instead of after the page's load event (~60 ms later, measured).
flushSync();
performance.mark("js-mounted");
export default app;
