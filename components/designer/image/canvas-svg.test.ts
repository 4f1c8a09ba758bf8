import { describe, expect, it } from "vitest";
import { artifactFlow } from "@/lib/domain/designer/artifact-flow";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import { buildLargePipeline } from "@/lib/domain/validation/testing/large-pipeline";
import { validate } from "@/lib/domain/validation";
import { project } from "../canvas/project";
import { canvasSvg } from "./canvas-svg";
import { pngScale } from "./rasterise";

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const declaration = {
  name: "p",
  roleArn: "",
  stages: [
    { name: "Source & <Co>", actions: [{ name: "Src \"main\"", actionTypeId: type("Source", "S3"), runOrder: 1, outputArtifacts: [{ name: "Out" }] }] },
    {
      name: "Build",
      actions: [
        { name: "B1", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, inputArtifacts: [{ name: "Out" }] },
        { name: "A very long action name that cannot fit in one node at all", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, inputArtifacts: [{ name: "Missing" }] },
      ],
    },
  ],
};

function svgOf(options: { flow?: boolean; orientation?: "vertical" | "horizontal" } = {}) {
  const doc = documentFromDeclaration(declaration);
  const issues = groupIssues(doc, validate(doc.declaration, { region: "us-east-1" }));
  const projection = project(doc, issues, { orientation: options.orientation ?? "vertical", ...(options.flow ? { flow: artifactFlow(doc) } : {}) });
  return { svg: canvasSvg(projection, { title: "p <pipeline>" }), projection };
}

/** The text content of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
}

describe("canvasSvg", () => {
  it("draws every stage and action with its names as text, escaped", () => {
    const { svg } = svgOf();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("<title>p &lt;pipeline&gt;</title>");
    expect(svg).not.toContain("<image");
    expect(svg).not.toContain("<foreignObject");
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(["Source & <Co>", "Build", 'Src "main"', "B1", "S3 · Source", "CodeBuild · Build"]));
    // A long name is cut with an ellipsis rather than overflowing its node.
    expect(shown.find((t) => t.startsWith("A very long"))).toMatch(/…$/);
    expect((svg.match(/<g data-stage=/g) ?? []).length).toBe(2);
    expect((svg.match(/<g data-action=/g) ?? []).length).toBe(3);
  });

  it("marks problems on the nodes, as the canvas's badges do", () => {
    const { svg } = svgOf();
    // The empty role is a pipeline error; the action with a missing input artifact has its own.
    expect(texts(svg).some((t) => /^✕ \d+$/.test(t))).toBe(true);
    expect(svg).toContain('stroke="#dc2626"');
  });

  it("draws transitions, and the artifact flow when the overlay is on", () => {
    expect((svgOf().svg.match(/marker-end="url\(#arrow\)"/g) ?? []).length).toBe(1);
    const withFlow = svgOf({ flow: true }).svg;
    expect(texts(withFlow)).toContain("Out");
  });

  it("is as large as the layout plus a margin, in both orientations, and deterministic", () => {
    for (const orientation of ["vertical", "horizontal"] as const) {
      const { svg, projection } = svgOf({ orientation });
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
      expect(Number(w)).toBe(Math.ceil(projection.bounds.width + 48));
      expect(Number(h)).toBe(Math.ceil(projection.bounds.height + 48));
      expect(svgOf({ orientation }).svg).toBe(svg);
    }
  });

  it("draws a quota-max pipeline, and its PNG scale stays inside browser canvas limits", () => {
    const big = buildLargePipeline({ stages: 50, actionsPerStage: 10 });
    const doc = documentFromDeclaration(big as Record<string, unknown>);
    const projection = project(doc, groupIssues(doc, []));
    const svg = canvasSvg(projection, { title: "big" });
    expect((svg.match(/<g data-action=/g) ?? []).length).toBe(500);
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const scale = pngScale(w!, h!);
    expect(w! * scale).toBeLessThanOrEqual(16_384);
    expect(h! * scale).toBeLessThanOrEqual(16_384);
    expect(w! * h! * scale * scale).toBeLessThanOrEqual(100_000_000);
    expect(pngScale(800, 600)).toBe(2);
  });
});
