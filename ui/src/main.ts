// Start-up milestones, read by `oin-bench timeline` (performance marks cost nothing).
performance.mark("js-start");
import { flushSync, mount } from "svelte";
import App from "./App.svelte";
import { startup } from "./lib/ipc";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
// The first screen's data is asked before the page mounts, so the IPC round
// runs while Svelte builds the page.
const app = mount(App, { target, props: { started: startup() } });
// Run the components' onMount now: the start-up's first IPC goes out at once
// instead of after the page's load event (~60 ms later, measured).
flushSync();
performance.mark("js-mounted");
export default app;
