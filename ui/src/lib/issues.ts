// Presentation helpers over the issues core returns. No rule lives here: these
// only select, group and order what `check` found.
import type { Issue } from "./bindings/Issue";
import type { Tab } from "./bindings/Tab";

/** Issues about this field or one of its items (`support.contacts` covers `support.contacts.1.value`). */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

/** The issues shown beside a field: "required" is shown as a badge instead, and
 *  the guide doctor's section warnings in its checklist under the field (only
 *  "the OIN team can't open it" stays beside the address). */
export function inlineIssues(issues: readonly Issue[], path: string): Issue[] {
  return issuesAt(issues, path).filter(
    (i) => i.rule !== "required" && !(i.rule.startsWith("guide.") && i.rule !== "guide.reachable"),
  );
}

/** Issues grouped by tab, in the order the tabs are given; empty groups are dropped. */
export function byTab(issues: readonly Issue[], tabs: readonly Tab[]): [Tab, Issue[]][] {
  return tabs
    .map((t): [Tab, Issue[]] => [t, issues.filter((i) => i.tab === t)])
    .filter(([, list]) => list.length > 0);
}

export const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Note" } as const;
