// The form schema core returns, looked up by field path.
import type { Field } from "./bindings/Field";
import type { FormSchema } from "./bindings/FormSchema";

/** Okta's label and help for a field; a missing path is a bug, said loudly. */
export function fieldAt(schema: FormSchema, path: string): Field {
  const found = schema.fields.find((x) => x.path === path);
  if (!found) throw new Error(`no field ${path} in the form schema`);
  return found;
}
