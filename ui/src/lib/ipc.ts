// The one typed door to the Rust side. Every command the UI calls is here, with
// the generated binding types; a rejection becomes an `IpcError` here, once.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Todo } from "./bindings/Todo";
import type { Listing } from "./bindings/Listing";
import type { ReviewTodo } from "./bindings/ReviewTodo";
import type { TodoChange } from "./bindings/TodoChange";
import type { GuideReport } from "./bindings/GuideReport";
import type { GuideFormat } from "./bindings/GuideFormat";
import type { Starter } from "./bindings/Starter";
import type { FixProgress } from "./bindings/FixProgress";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Dropped } from "./bindings/Dropped";
import type { LogoView } from "./bindings/LogoView";
import type { Shape } from "./bindings/Shape";
import type { Started } from "./bindings/Started";
import type { Shelf } from "./bindings/Shelf";
import type { Attachment } from "./bindings/Attachment";
import type { AttachmentSlot } from "./bindings/AttachmentSlot";
import type { Draft } from "./bindings/Draft";
import type { DraftSummary } from "./bindings/DraftSummary";
import type { DraftView } from "./bindings/DraftView";
import type { FixAction } from "./bindings/FixAction";
import type { FormSchema } from "./bindings/FormSchema";
import type { IntegrationType } from "./bindings/IntegrationType";
import type { IpcError } from "./bindings/IpcError";
import type { LinkCheck } from "./bindings/LinkCheck";
import type { Report } from "./bindings/Report";
import type { Session } from "./bindings/Session";
import type { SubmissionStatus } from "./bindings/SubmissionStatus";

export type { IpcError };

/** True for a value shaped like the shell's `IpcError`. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IpcError).code === "string" &&
    typeof (value as IpcError).message === "string"
  );
}

/** Turns anything a command rejected with into an `IpcError`. */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) return value;
  return { code: "problem", message: String(value) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

/** The first screen in one round of IPC (see `Start` in core). */
export const startup = () => call<Started>("startup");
/** Spell checking in the text fields (the OS's dictionaries load on first use). */
export const enableSpelling = () => call<null>("enable_spelling");
export const setSession = (session: Session) => call<null>("set_session", { session });
/** The library page: drafts, slots, trash and orgs, in one answer. */
export const libraryShelf = () => call<Shelf>("library_shelf");
export const createDraft = (integrationType: IntegrationType, org: string | null) =>
  call<DraftView>("create_draft", { integrationType, org });
export const openDraft = (id: string) => call<DraftView>("open_draft", { id });
export const saveDraft = (id: string, draft: Draft) => call<DraftView>("save_draft", { id, draft });
export const undoDraft = (id: string) => call<DraftView>("undo_draft", { id });
export const redoDraft = (id: string) => call<DraftView>("redo_draft", { id });
export const renameDraft = (id: string, name: string) =>
  call<DraftView>("rename_draft", { id, name });
export const duplicateDraft = (id: string) => call<DraftSummary>("duplicate_draft", { id });
export const setPassword = (id: string, password: string) =>
  call<DraftView>("set_password", { id, password });
export const formSchema = (id: string) => call<FormSchema>("form_schema", { id });
export const pickAttachment = (slot: AttachmentSlot) =>
  call<Attachment | null>("pick_attachment", { slot });
export const checkDraft = (id: string, draft: Draft) => call<Report>("check_draft", { id, draft });
export const applyFix = (id: string, draft: Draft, fix: FixAction) =>
  call<DraftView>("apply_fix", { id, draft, fix });
export const exportDraft = (id: string) => call<string | null>("export_draft", { id });
export const importDraft = () => call<DraftSummary | null>("import_draft");
export const checkLinks = (id: string) => call<LinkCheck[]>("check_links", { id });
export const checkGuide = (id: string) => call<GuideReport>("check_guide", { id });
export const starterGuide = (id: string, format: GuideFormat) =>
  call<Starter>("starter_guide", { id, format });
export const pasteReview = (id: string, email: string) =>
  call<ReviewTodo[]>("paste_review", { id, email });
export const pickReview = (id: string) => call<ReviewTodo[] | null>("pick_review", { id });
/** Reads the email just dropped on the window (null when none waits). */
export const pasteDroppedReview = (id: string) =>
  call<ReviewTodo[] | null>("paste_dropped_review", { id });
export const changeTodo = (id: string, todo: number, change: TodoChange) =>
  call<ReviewTodo[]>("change_todo", { id, todo, change });
export const reviewReply = (id: string) => call<string>("review_reply", { id });
export const listingPreview = (draft: Draft) => call<Listing>("listing_preview", { draft });
export const addTodo = (id: string, todo: Todo) => call<ReviewTodo[]>("add_todo", { id, todo });
export const saveStarterGuide = (id: string, format: GuideFormat, open: boolean) =>
  call<string | null>("save_starter_guide", { id, format, open });
/** Copies the password in Rust (it never reaches the webview); false when none is kept. */
export const copyPassword = (id: string) => call<boolean>("copy_password", { id });
export const revealPassword = (id: string) => call<string | null>("reveal_password", { id });
export const setStatus = (id: string, status: SubmissionStatus) =>
  call<DraftView>("set_status", { id, status });
export const deleteDraft = (id: string) => call<null>("delete_draft", { id });
export const restoreDraft = (id: string) => call<DraftSummary>("restore_draft", { id });
export const updatePublished = (id: string) => call<DraftView>("update_published", { id });
export const logoView = (draft: Draft) => call<LogoView>("logo_view", { draft });
export const fixLogo = (
  id: string,
  draft: Draft,
  shape: Shape | null,
  background: [number, number, number] | null,
  onProgress: (p: FixProgress) => void,
) => {
  const channel = new Channel<FixProgress>();
  channel.onmessage = onProgress;
  return call<DraftView>("fix_logo", { id, draft, shape, background, onProgress: channel });
};
export const useOriginalLogo = (id: string, draft: Draft) =>
  call<DraftView>("use_original_logo", { id, draft });
/** Files dropped on the window, read and kept by Rust. */
export const onFileDropped = (handler: (d: Dropped) => void): Promise<UnlistenFn> =>
  listen<Dropped>("file-dropped", (e) => handler(e.payload));
export const attachPasted = (fileName: string, bytes: Uint8Array) =>
  call<Attachment>("attach_pasted", { fileName, bytes: Array.from(bytes) });

// The Okta connection (sign-in, submit, status, hand-off, probe).
import type { Account } from "./bindings/Account";
import type { DeviceCode } from "./bindings/DeviceCode";
import type { SubmitPreview } from "./bindings/SubmitPreview";
import type { SubmitOutcome } from "./bindings/SubmitOutcome";
import type { SubmitProgress } from "./bindings/SubmitProgress";
import type { StatusChange } from "./bindings/StatusChange";
import type { ImportReport } from "./bindings/ImportReport";
import type { Handoff } from "./bindings/Handoff";
import type { ProbeReport } from "./bindings/ProbeReport";
import type { TestedInstance } from "./bindings/TestedInstance";
import type { PollReport } from "./bindings/PollReport";

export const oktaAccounts = () => call<Account[]>("okta_accounts");
export const oktaClientId = (org: string) => call<string | null>("okta_client_id", { org });
export const oktaStartDevice = (org: string, clientId: string) =>
  call<DeviceCode>("okta_start_device", { org, clientId });
export const oktaFinishDevice = (org: string, clientId: string) =>
  call<Account>("okta_finish_device", { org, clientId });
export const oktaCancelSignIn = (org: string) => call<null>("okta_cancel_sign_in", { org });
export const oktaSignInBrowser = (org: string, clientId: string) =>
  call<Account>("okta_sign_in_browser", { org, clientId });
export const oktaSignInToken = (org: string, token: string) =>
  call<Account>("okta_sign_in_token", { org, token });
export const oktaSignOut = (org: string) => call<null>("okta_sign_out", { org });
export const submitPreview = (id: string, org: string) =>
  call<SubmitPreview>("submit_preview", { id, org });
export const submitDraft = (
  id: string,
  org: string,
  rev: number | null,
  onProgress: (p: SubmitProgress) => void,
) => {
  const channel = new Channel<SubmitProgress>();
  channel.onmessage = onProgress;
  return call<SubmitOutcome>("submit_draft", { id, org, rev, onProgress: channel });
};
export const refreshStatuses = (id: string | null) =>
  call<StatusChange[]>("refresh_statuses", { id });
export const importFromOrg = (org: string) => call<ImportReport>("import_from_org", { org });
export const handoff = (id: string) => call<Handoff>("handoff", { id });
export const chooseSubmission = (id: string, org: string, remoteId: string) =>
  call<null>("choose_submission", { id, org, remoteId });
export const revealHandoffFiles = (id: string) => call<string>("reveal_handoff_files", { id });
export const openWeb = (url: string) => call<null>("open_web", { url });
export const probeIntegration = (
  id: string,
  org: string,
  clientId: string,
  secret: string | null,
  instance: TestedInstance,
) => call<ProbeReport>("probe_integration", { id, org, clientId, secret, instance });
/** Background rounds that sent a queued submit or saw a status move. */
export const onOktaStatus = (handler: (r: PollReport) => void): Promise<UnlistenFn> =>
  listen<PollReport>("okta-status", (e) => handler(e.payload));

// Draft files the OS asked the app to open (double-click on a *.oin.json).
import type { OpenedFile } from "./bindings/OpenedFile";
export const onFileOpened = (handler: (f: OpenedFile) => void): Promise<UnlistenFn> =>
  listen<OpenedFile>("file-opened", (e) => handler(e.payload));

// Updates (Tauri's updater; signed manifest).
import type { UpdateInfo } from "./bindings/UpdateInfo";
import type { DownloadProgress } from "./bindings/DownloadProgress";
export const checkForUpdate = () => call<UpdateInfo | null>("check_for_update");
export const installUpdate = (onProgress: (p: DownloadProgress) => void) => {
  const channel = new Channel<DownloadProgress>();
  channel.onmessage = onProgress;
  return call<null>("install_update", { onProgress: channel });
};
export const onUpdateAvailable = (handler: (u: UpdateInfo) => void): Promise<UnlistenFn> =>
  listen<UpdateInfo>("update-available", (e) => handler(e.payload));

/** A choice from the native menu bar, by item id (see src-tauri/src/menu.rs). */
export type MenuItem =
  "new-workflows" | "new-api" | "import" | "export" | "undo" | "redo" | "about" | "updates";
// A clean exit waits for the last save (src-tauri/src/exit.rs).
export const onExitRequested = (handler: () => void): Promise<UnlistenFn> =>
  listen("exit-requested", () => handler());
export const exitReady = (saved: boolean) => call<null>("exit_ready", { saved });
export const exitAnyway = () => call<null>("exit_anyway");
export const exitCancel = () => call<null>("exit_cancel");
export const onMenu = (handler: (item: MenuItem) => void): Promise<UnlistenFn> =>
  listen<MenuItem>("menu", (e) => handler(e.payload));
/** Saves the listing picture the window drew; the path, or null when cancelled. */
export const saveListingPicture = (fileName: string, png: Uint8Array) =>
  call<string | null>("save_listing_picture", { fileName, png: Array.from(png) });
/** A notification was clicked: open this draft. */
export const onOpenDraft = (handler: (id: string) => void): Promise<UnlistenFn> =>
  listen<string>("open-draft", (e) => handler(e.payload));
