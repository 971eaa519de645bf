// @vitest-environment jsdom
// The form's field components, one per kind, rendered from a declared field
// as core sends it: the input is bound to the field's path, the labels and
// limits are the declaration's, nothing names a pack.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import type { Draft } from "../../lib/bindings/Draft";
import type { Field } from "../../lib/bindings/Field";
import TextField from "./TextField.svelte";
import ChoiceField from "./ChoiceField.svelte";
import VariablesField from "./VariablesField.svelte";
import YesNoField from "./YesNoField.svelte";
import FormField from "./FormField.svelte";
import PasswordField from "./PasswordField.svelte";
import OutsideFields from "./OutsideFields.svelte";
import type { FieldServices } from "./services";

afterEach(cleanup);

function draft(): Draft {
  return {
    integrationType: "apiService",
    org: null,
    rulePack: null,
    appInfo: {
      existsInOin: null,
      existingAppName: null,
      updateSummary: null,
      appName: null,
      appWebsite: null,
      useCases: [],
      description: null,
      appIcon: null,
      appIconOriginal: null,
    },
    support: { contacts: [], escalationContact: null },
    testAccount: { url: null, username: null, instructions: null },
    workflows: {
      connector: null,
      version: null,
      testSuite: null,
      userDocUrl: null,
      apiDocUrl: null,
    },
    apiService: { scopes: [], scopeReason: null, configGuideUrl: null },
    tenantSettings: [],
    dismissed: [],
  };
}

const base = (over: Partial<Field>): Field => ({
  path: "testAccount.url",
  tab: "testIntegration",
  section: "Test account",
  label: "Account URL",
  help: "A static sign-in URL.",
  kind: "url",
  need: "required",
  ...over,
});

describe("TextField", () => {
  it("writes what is typed to the field's path and shows core's count", async () => {
    const d = draft();
    render(TextField, {
      field: base({ limit: { max: 512, severity: "error" } }),
      draft: d,
      id: "f",
      helpId: "h",
      length: { path: "testAccount.url", used: 500, max: 512 },
    });
    const input = screen.getByRole("textbox") as HTMLInputElement;
    expect(input.type).toBe("url");
    expect(input.dataset.field).toBe("testAccount.url");
    await fireEvent.input(input, { target: { value: "https://acme.example/login" } });
    expect(d.testAccount.url).toBe("https://acme.example/login");
    expect(screen.getByTestId("counter-testAccount.url").textContent).toBe("500 / 512");
  });

  it("is a text area for long text", () => {
    render(TextField, {
      field: base({ path: "apiService.scopeReason", kind: "longText", need: "optional" }),
      draft: draft(),
      id: "f",
      helpId: "h",
    });
    expect(screen.getByRole("textbox").tagName).toBe("TEXTAREA");
  });
});

describe("ChoiceField", () => {
  it("offers the declared options and stops at the declared maximum", async () => {
    const d = draft();
    const field = base({
      path: "appInfo.useCases",
      kind: "choice",
      need: "optional",
      choices: { options: ["Automation", "Zero Trust"], min: 0, max: 1 },
    });
    const { rerender } = render(ChoiceField, { field, draft: d, id: "f", helpId: "h" });
    const add = screen.getByTestId("add-appInfo.useCases") as HTMLButtonElement;
    await fireEvent.click(add);
    expect(d.appInfo.useCases).toEqual(["Automation"]);
    await rerender({ field, draft: d, id: "f", helpId: "h" });
    expect((screen.getByTestId("add-appInfo.useCases") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Up to 1.")).toBeTruthy();
  });
});

describe("VariablesField", () => {
  it("adds tenant variables up to the form's limit", async () => {
    const d = draft();
    d.tenantSettings = Array.from({ length: 8 }, (_, i) => ({ label: `V${i}`, name: `v${i}` }));
    render(VariablesField, {
      field: base({ path: "tenantSettings", kind: "variables", need: "optional", maxItems: 8 }),
      draft: d,
      id: "f",
      helpId: "h",
    });
    expect((screen.getByTestId("add-variable") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("8 of at most 8.")).toBeTruthy();
  });
});

describe("YesNoField", () => {
  it("answers the question at the field's path", async () => {
    const d = draft();
    const field = base({ path: "appInfo.existsInOin", kind: "yesNo", tab: "generalSettings" });
    render(YesNoField, { field, draft: d, id: "f", helpId: "h" });
    await fireEvent.click(screen.getByLabelText("No"));
    expect(d.appInfo.existsInOin).toBe(false);
  });
});

describe("FormField", () => {
  it("shows Okta's label and help, and says optional or required from the declaration", () => {
    const common = { draft: draft(), issues: [], lengths: [], scopes: [] };
    render(FormField, { ...common, field: base({}), missing: true });
    expect(screen.getByText("Account URL")).toBeTruthy();
    expect(screen.getByText("A static sign-in URL.")).toBeTruthy();
    expect(screen.getByText("required")).toBeTruthy();
    cleanup();
    render(FormField, {
      ...common,
      field: base({ path: "testAccount.instructions", kind: "longText", need: "optional" }),
      missing: false,
    });
    expect(screen.getByText("optional")).toBeTruthy();
    expect(screen.queryByText("required")).toBeNull();
  });
});

describe("PasswordField", () => {
  it("hands what is typed to the keychain service, never to the draft", async () => {
    const typed: string[] = [];
    const services: FieldServices = {
      password: {
        value: "",
        has: true,
        revealed: false,
        error: null,
        input: (v) => typed.push(v),
        reveal: () => {},
        copy: () => {},
      },
      fixLogo: async () => {},
      useOriginalLogo: async () => {},
      suite: null,
    };
    const { container } = render(PasswordField, {
      props: {
        field: base({ path: "testAccount.password", kind: "password" }),
        id: "pw",
        helpId: "h",
      },
      context: new Map([["field-services", services]]),
    });
    const input = container.querySelector("input") as HTMLInputElement;
    expect(input.type).toBe("password");
    await fireEvent.input(input, { target: { value: "s3cret" } });
    expect(typed).toEqual(["s3cret"]);
    expect(screen.getByTestId("copy")).toBeTruthy();
  });
});

describe("OutsideFields", () => {
  it("lists the values the tool's form doesn't ask for", () => {
    const d = draft();
    d.appInfo.appWebsite = "https://acme.example";
    render(OutsideFields, {
      fields: [base({ path: "appInfo.appWebsite", label: "App website", tab: "generalSettings" })],
      draft: d,
      tool: "oinWizard",
    });
    expect(screen.getByText("Not part of the OIN Wizard's form")).toBeTruthy();
    expect(screen.getByText("https://acme.example")).toBeTruthy();
  });
});
