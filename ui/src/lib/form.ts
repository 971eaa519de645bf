// The declared form core returns: looked up and read by field path, so each
// field's path is written once (in core) and every input binds through it.
import type { Field } from "./bindings/Field";
import type { FormSchema } from "./bindings/FormSchema";
import type { Form } from "./bindings/Form";
import type { Tab } from "./bindings/Tab";
import type { Tool } from "./bindings/Tool";

/** Okta's name for the tool a form belongs to. */
export function toolName(tool: Tool): string {
  return tool === "oinWizard" ? "OIN Wizard" : "OIN Manager";
}

/** Okta's label and help for a field; a missing path is a bug, said loudly. */
export function fieldAt(schema: FormSchema, path: string): Field {
  const found = schema.fields.find((x) => x.path === path);
  if (!found) throw new Error(`no field ${path} in the form schema`);
  return found;
}

/** True when `path` is the field's own path or one of its items (`support.contacts.1.value`). */
export function owns(field: string, path: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}

/** The field a path (or a list item's path) belongs to, if the form has it. */
export function fieldOf(fields: readonly Field[], path: string): Field | undefined {
  return fields.filter((f) => owns(f.path, path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** The sections of one page, in order, each with its fields. */
export function sectionsOf(form: Form, tab: Tab): { title: string; fields: Field[] }[] {
  const out: { title: string; fields: Field[] }[] = [];
  for (const f of form.fields.filter((x) => x.tab === tab)) {
    const last = out[out.length - 1];
    if (last && last.title === f.section) last.fields.push(f);
    else out.push({ title: f.section, fields: [f] });
  }
  return out;
}

type Json = { [key: string]: unknown } | unknown[];

/** The value at a dotted path of a draft (`testAccount.url`), or undefined. */
export function getAt(root: object, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Sets the value at a dotted path, creating nothing: the draft already has every group. */
export function setAt(root: object, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop()!;
  let v: unknown = root;
  for (const key of keys) v = (v as Record<string, unknown>)[key];
  (v as Json as Record<string, unknown>)[last] = value;
}

/** A shown value of a field outside the form: text, a list joined, a file's name. */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (Array.isArray(v)) return v.map(shownValue).filter(Boolean).join(", ");
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return String(o.value ?? o.name ?? o.fileName ?? "");
  }
  return String(v);
}
