import { describe, expect, it } from "vitest";
import { nameSelected, parseSelection, selectionQuery, tagSelected, wallRegions } from "./selection";

describe("selection", () => {
  it("reads every criterion from the URL and writes it back the same", () => {
    const s = parseSelection(new URLSearchParams("pipelines=a,b,,a&tag=team:payments&q=pay*&regions=us-east-1,eu-west-1&window=90&tv=1"));
    expect(s).toEqual({ pipelines: ["a", "b"], tag: { key: "team", value: "payments" }, q: "pay*", regions: ["us-east-1", "eu-west-1"], window: 90, tv: true });
    expect(selectionQuery(s)).toBe("pipelines=a,b&tag=team:payments&q=pay*&regions=us-east-1,eu-west-1&window=90&tv=1");
  });

  it("falls back to the defaults for missing or wrong values", () => {
    expect(parseSelection({ window: "12", tv: "yes", tag: "", q: "  " })).toEqual({ window: 30, tv: false });
    expect(parseSelection({ tag: "team" }).tag).toEqual({ key: "team" });
    expect(selectionQuery(parseSelection({}))).toBe("");
  });

  it("matches names by list and by pattern, ignoring case", () => {
    expect(nameSelected("payments-api", { q: "payments-*" })).toBe(true);
    expect(nameSelected("old-payments-api", { q: "payments-*" })).toBe(false);
    expect(nameSelected("Payments-API", { q: "api" })).toBe(true);
    expect(nameSelected("a.b", { q: "a.*" })).toBe(true);
    expect(nameSelected("axb", { q: "a.b*" })).toBe(false);
    expect(nameSelected("c", { pipelines: ["a", "b"] })).toBe(false);
    expect(nameSelected("a", { pipelines: ["a"], q: "zz" })).toBe(false);
  });

  it("matches tags by key and value, or key alone", () => {
    const tags = [{ key: "team", value: "payments" }];
    expect(tagSelected(tags, { key: "team", value: "payments" })).toBe(true);
    expect(tagSelected(tags, { key: "team", value: "web" })).toBe(false);
    expect(tagSelected(tags, { key: "team" })).toBe(true);
    expect(tagSelected([], { key: "team" })).toBe(false);
  });

  it("covers the configured regions the selection names, and refuses the others", () => {
    expect(wallRegions({}, ["us-east-1", "eu-west-1"])).toEqual({ covered: ["us-east-1", "eu-west-1"], refused: [] });
    expect(wallRegions({ regions: ["eu-west-1", "ap-south-1"] }, ["us-east-1", "eu-west-1"])).toEqual({ covered: ["eu-west-1"], refused: ["ap-south-1"] });
  });
});
