import { describe, expect, it } from "vitest";
import { mayAct } from "./roles";
import { MUTATIONS, missingRole, mutationPolicy, roleRefusal } from "./mutations";

describe("mutations", () => {
  it("gives each mutation its role and its own name as the audit action", () => {
    expect(mutationPolicy("approve")).toEqual({ role: "operator", audit: "approve" });
    expect(mutationPolicy("push")).toEqual({ role: "editor", audit: "push" });
    for (const [name, { role }] of Object.entries(MUTATIONS)) {
      // No mutation is open to a plain viewer: viewing is what a viewer does.
      expect(mayAct(["viewer"], role), name).toBe(false);
    }
  });

  it("says which role can do it and who the person is", () => {
    expect(roleRefusal("approve", "ann@example.com", ["viewer"])).toBe("Operators can approve or reject; you are signed in as ann@example.com, a viewer.");
    expect(roleRefusal("push", "bo@example.com", ["operator"])).toBe("Editors can push designs; you are signed in as bo@example.com, an operator.");
    expect(roleRefusal("start", "cy@example.com", ["viewer", "editor"])).toBe("Operators can release changes; you are signed in as cy@example.com, holding viewer and editor.");
    expect(missingRole("operator", "run things", "dee@example.com", [])).toBe("Operators can run things; you are signed in as dee@example.com, with no role.");
  });
});
