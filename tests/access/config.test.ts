/** The access settings: each mode's required variables, the roles configuration, and roles by email and group. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAuthConfig } from "@/lib/auth/config";
import { rolesFor, RoleRulesSchema } from "@/lib/domain/access/role-rules";
import { mayAct } from "@/lib/domain/access/roles";

const ROLES = JSON.stringify({ viewer: ["*"], editor: ["group:developers", "Ann@Example.test"], operator: ["group:release-managers"] });

describe("access configuration", () => {
  it("is local, single user without PIPEWRIGHT_AUTH", () => {
    expect(readAuthConfig({})).toEqual({ mode: "local" });
  });

  it("names the missing variable of each team mode", () => {
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "oidc", PIPEWRIGHT_ROLES: ROLES })).toThrow(/PIPEWRIGHT_OIDC_ISSUER must be set/);
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "alb", PIPEWRIGHT_ROLES: ROLES })).toThrow(/PIPEWRIGHT_ALB_ARN must be set/);
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "proxy", PIPEWRIGHT_ROLES: ROLES })).toThrow(/PIPEWRIGHT_TRUSTED_PROXIES must be set/);
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "proxy", PIPEWRIGHT_TRUSTED_PROXIES: "10.0.0.5" })).toThrow(/PIPEWRIGHT_ROLES/);
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "kerberos" })).toThrow(/"oidc", "alb" or "proxy"/);
    expect(() => readAuthConfig({ PIPEWRIGHT_AUTH: "proxy", PIPEWRIGHT_TRUSTED_PROXIES: "10.0.0.5", PIPEWRIGHT_ROLES: '{"admin": ["*"]}' })).toThrow(/PIPEWRIGHT_ROLES must map/);
  });

  it("reads the roles from a file, and ALB's key source from the region", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pipewright-roles-")), "roles.json");
    writeFileSync(file, ROLES);
    const config = readAuthConfig({ PIPEWRIGHT_AUTH: "alb", PIPEWRIGHT_ALB_ARN: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/x/y", PIPEWRIGHT_ROLES_FILE: file, AWS_REGION: "eu-west-1" });
    expect(config).toMatchObject({ mode: "alb", keyUrl: new URL("https://public-keys.auth.elb.eu-west-1.amazonaws.com"), roles: { viewer: ["*"] } });
  });

  it("gives roles by email (any case), by group and to everyone; any role lets one view", () => {
    const rules = RoleRulesSchema.parse(JSON.parse(ROLES));
    expect(rolesFor({ email: "ann@example.test", groups: [] }, rules)).toEqual(["viewer", "editor"]);
    expect(rolesFor({ email: "bo@example.test", groups: ["release-managers"] }, rules)).toEqual(["viewer", "operator"]);
    expect(rolesFor({ email: "cy@example.test", groups: ["Developers"] }, RoleRulesSchema.parse({ editor: ["group:developers"] }))).toEqual([]);
    expect(mayAct(["operator"], "viewer")).toBe(true);
    expect(mayAct(["operator"], "editor")).toBe(false);
    expect(mayAct([], "viewer")).toBe(false);
  });
});
