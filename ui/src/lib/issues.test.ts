import { describe, expect, it } from "vitest";
import type { Issue } from "./bindings/Issue";
import { byTab, inlineIssues, issuesAt } from "./issues";

const issue = (rule: string, path: string, tab: Issue["tab"] = "generalSettings"): Issue => ({
  rule,
  path,
  tab,
  severity: "error",
  message: "m",
  fix: "f",
  source: "https://developer.okta.com",
  dismissible: false,
});

describe("issues", () => {
  const list = [
    issue("required", "appInfo.appName"),
    issue("support.contact.valid", "support.contacts.1.value"),
    issue("url.https", "apiService.configGuideUrl", "apiService"),
    issue("x", "support.contactsExtra"),
  ];

  it("selects a field's issues and its items', not a longer name's", () => {
    expect(issuesAt(list, "support.contacts").map((i) => i.path)).toEqual([
      "support.contacts.1.value",
    ]);
  });

  it("leaves 'required' to the badge", () => {
    expect(inlineIssues(list, "appInfo.appName")).toEqual([]);
  });

  it("leaves the guide's section warnings to its checklist, not its reachability", () => {
    const guide = [
      issue("url.https", "apiService.configGuideUrl"),
      issue("guide.prerequisites", "apiService.configGuideUrl"),
      issue("guide.reachable", "apiService.configGuideUrl"),
    ];
    expect(inlineIssues(guide, "apiService.configGuideUrl").map((i) => i.rule)).toEqual([
      "url.https",
      "guide.reachable",
    ]);
  });

  it("groups by tab in tab order and drops empty tabs", () => {
    const groups = byTab(list, ["generalSettings", "workflowsConnector", "apiService"]);
    expect(groups.map(([t, l]) => [t, l.length])).toEqual([
      ["generalSettings", 3],
      ["apiService", 1],
    ]);
  });

  it("maps an item path to its field", () => {});
});
