/** State survives a restart; reset, close and delete leave nothing running. */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { approval, build, pipeline, source } from "./testing/builders";
import { FakeDefinitions } from "./testing/fake-definitions";
import { createHarness, runsOf, type Harness } from "./testing/harness";
import { ManualClock } from "./testing/manual-clock";

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function tempDb(): { file: string; open(): Database.Database } {
  const dir = mkdtempSync(path.join(tmpdir(), "pipewright-engine-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "engine.sqlite");
  return { file, open: () => new Database(file) };
}

function harnessOn(db: Database.Database, definitions: FakeDefinitions, timeScale: number, clock?: ManualClock): Harness {
  const h = createHarness({ db, definitions, timeScale, clock });
  cleanups.push(() => {
    h.close();
    if (db.open) db.close();
  });
  return h;
}

const HOUR_MS = 60 * 60_000;

describe("restart", () => {
  it("resumes an in-progress execution from its persisted state and due times", async () => {
    const { open } = tempDb();
    const definitions = new FakeDefinitions();
    const clock = new ManualClock();
    const first = harnessOn(open(), definitions, 1, clock);
    first.create(pipeline("resume", [["Source", [source()]], ["Build", [build("Build")]], ["Deploy", [build("Deploy", {}, "Test")]]]));
    const id = first.start("resume");
    await first.waitFor("build running", () => runsOf(first.actions("resume", id), "Build")[0]?.status === "InProgress");
    first.close();
    first.db.close();

    // Down for longer than the build takes: nothing moves while the engine is closed.
    expect(clock.pending).toBe(0);
    clock.advance(HOUR_MS);
    const probe = open();
    const row = probe.prepare(`SELECT status FROM exec_action_executions WHERE action_name = 'Build'`).get() as { status: string };
    expect(row.status).toBe("InProgress");
    probe.close();

    const second = harnessOn(open(), definitions, 1, clock);
    // The overdue build completed on start; the rest of the run continues on the new timer.
    expect(runsOf(second.actions("resume", id), "Build")[0]?.status).toBe("Succeeded");
    await second.waitForStatus("resume", id, "Succeeded");
    expect(runsOf(second.actions("resume", id), "Deploy")[0]?.status).toBe("Succeeded");
  });

  it("keeps a waiting approval (and its token), transitions and history across a restart", async () => {
    const { open } = tempDb();
    const definitions = new FakeDefinitions();
    const first = harnessOn(open(), definitions, 500);
    first.create(pipeline("keep", [["Source", [source()]], ["Approval", [approval()]], ["Build", [build("Build")]]]));
    const done = first.start("keep");
    const t1 = await first.waitFor("approval", () => first.token("keep", "Approval"));
    first.engine.putApprovalResult({ pipelineName: "keep", stageName: "Approval", actionName: "Approve", token: t1, result: { status: "Approved", summary: "" } });
    await first.waitForStatus("keep", done, "Succeeded");
    const waiting = first.start("keep");
    const token = await first.waitFor("approval", () => first.token("keep", "Approval"));
    first.engine.disableStageTransition({ pipelineName: "keep", stageName: "Build", transitionType: "Inbound", reason: "Hold" });
    first.close();
    first.db.close();

    const second = harnessOn(open(), definitions, 500);
    expect(second.token("keep", "Approval")).toBe(token);
    expect(second.stage("keep", "Build").inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Hold" });
    expect(second.status("keep", done)).toBe("Succeeded");
    second.engine.putApprovalResult({ pipelineName: "keep", stageName: "Approval", actionName: "Approve", token, result: { status: "Approved", summary: "" } });
    await second.waitFor("held", () => (second.stage("keep", "Build").inboundExecution as { pipelineExecutionId?: string } | undefined)?.pipelineExecutionId === waiting);
    second.engine.enableStageTransition({ pipelineName: "keep", stageName: "Build", transitionType: "Inbound" });
    await second.waitForStatus("keep", waiting, "Succeeded");
  });
});

describe("lifecycle", () => {
  it("close stops the clock: an execution does not advance afterwards", () => {
    const clock = new ManualClock();
    const h = createHarness({ timeScale: 1, clock });
    h.create(pipeline("closed", [["Source", [source()]], ["Build", [build("Build")]]]));
    const id = h.start("closed");
    expect(clock.pending).toBe(1);
    h.close();
    expect(clock.pending).toBe(0);
    clock.advance(HOUR_MS);
    const row = h.db.prepare(`SELECT status FROM exec_pipeline_executions WHERE id = ?`).get(id) as { status: string };
    expect(row.status).toBe("InProgress");
  });

  it("reset forgets every execution, transition and pending failure", async () => {
    const h = createHarness({ timeScale: 2000 });
    cleanups.push(() => h.close());
    h.create(pipeline("r", [["Source", [source()]], ["Build", [build("Build")]]]));
    const id = h.start("r");
    h.engine.disableStageTransition({ pipelineName: "r", stageName: "Build", transitionType: "Inbound", reason: "x" });
    h.engine.failNextRun({ pipelineName: "r", stageName: "Build", actionName: "Build" });
    h.engine.reset();
    for (const table of ["exec_pipeline_executions", "exec_action_executions", "exec_stage_executions", "exec_transitions", "exec_fail_next"]) {
      expect((h.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    }
    expect(h.engine.listPipelineExecutions({ pipelineName: "r" }).pipelineExecutionSummaries).toEqual([]);
    expect(() => h.execution("r", id)).toThrow();
    const next = h.start("r");
    await h.waitForStatus("r", next, "Succeeded");
  });

  it("setTimeScale rescales work already scheduled", async () => {
    const h = createHarness({ timeScale: 1 });
    cleanups.push(() => h.close());
    h.create(pipeline("scale", [["Source", [source()]], ["Build", [build("Build")]]]));
    const id = h.start("scale"); // the source alone takes 3-5 s at scale 1
    expect(h.engine.getTimeScale()).toBe(1);
    h.engine.setTimeScale(5000);
    expect(h.engine.getTimeScale()).toBe(5000);
    await h.waitForStatus("scale", id, "Succeeded", 3000);
    expect(() => h.engine.setTimeScale(0)).toThrow();
  });
});
