import { describe, expect, it } from "vitest";
import { fieldOf, getAt, owns, sectionsOf, setAt, shownValue } from "./form";
import type { Field } from "./bindings/Field";
import type { Form } from "./bindings/Form";

const field = (path: string, tab: Field["tab"], section: string): Field => ({
  path,
  tab,
  section,
  label: path,
  help: "",
  kind: "text",
  need: "optional",
});

describe("the declared form", () => {
  it("finds the field a list item belongs to", () => {
    const fields = [
      field("support.contacts", "generalSettings", "S"),
      field("tenantSettings", "integrationDetails", "T"),
    ];
    expect(fieldOf(fields, "support.contacts.1.value")?.path).toBe("support.contacts");
    expect(fieldOf(fields, "tenantSettings.0.name")?.path).toBe("tenantSettings");
    expect(fieldOf(fields, "appInfo.appName")).toBeUndefined();
    expect(owns("appInfo.app", "appInfo.appName")).toBe(false);
  });

  it("groups a page's fields by section, in order", () => {
    const form: Form = {
      tool: "oinWizard",
      integrationType: "apiService",
      viaApi: true,
      tabs: ["integrationDetails", "configureIntegration"],
      fields: [
        field("a", "integrationDetails", "Catalog"),
        field("b", "integrationDetails", "Catalog"),
        field("c", "configureIntegration", "Auth"),
        field("d", "integrationDetails", "Tenant"),
      ],
    };
    const s = sectionsOf(form, "integrationDetails");
    expect(s.map((x) => [x.title, x.fields.map((f) => f.path)])).toEqual([
      ["Catalog", ["a", "b"]],
      ["Tenant", ["d"]],
    ]);
  });

  it("reads and writes a draft by path", () => {
    const d = {
      testAccount: { url: null as string | null },
      support: { contacts: [{ value: "x" }] },
    };
    setAt(d, "testAccount.url", "https://a.example");
    expect(d.testAccount.url).toBe("https://a.example");
    expect(getAt(d, "support.contacts.0.value")).toBe("x");
    expect(getAt(d, "nothing.here")).toBeUndefined();
    expect(shownValue([{ value: "a" }, { value: "b" }])).toBe("a, b");
    expect(shownValue(true)).toBe("Yes");
  });
});
