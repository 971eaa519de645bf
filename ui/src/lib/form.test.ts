import { describe, expect, it } from "vitest";
import type { FormSchema } from "./bindings/FormSchema";
import { fieldAt } from "./form";

const schema = {
  fields: [
    {
      path: "appInfo.appName",
      tab: "generalSettings",
      section: "App",
      label: "App name",
      help: "h",
    },
  ],
} as unknown as FormSchema;

describe("fieldAt", () => {
  it("finds a field by path and refuses an unknown one", () => {
    expect(fieldAt(schema, "appInfo.appName").label).toBe("App name");
    expect(() => fieldAt(schema, "appInfo.nope")).toThrow("no field appInfo.nope");
  });
});
