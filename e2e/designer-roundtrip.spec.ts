import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { importText, isUnresolvedReference, type ImportForm, type JsonMap } from "../lib/domain/formats";

/**
 * Import → edit → export through the designer, over the corpus of real pipeline documents in
 * tests/fixtures/pipelines (CloudFormation templates, snippets and a lone resource, get-pipeline
 * output, --cli-input-json; sources in SOURCES.md): unedited, the downloaded export is the source
 * byte for byte; with one action field edited in the inspector, it is the source with that one
 * line changed. Also: the export dialog's notes on what another form cannot carry, the
 * importer's findings in the problems panel, files dropped onto the import box and the canvas,
 * and what happens when a draft and its source do not fit in the browser's storage.
 * Every test also asserts that the page logged no console error.
 */

const CORPUS = path.resolve("tests/fixtures/pipelines");

interface EditableField {
  /** Index of the action in document order: its node id is `a<index + 1>` when the draft opens. */
  readonly actionIndex: number;
  readonly path: string;
  readonly value: string;
}

interface Case {
  readonly file: string;
  readonly text: string;
  readonly form: ImportForm;
  /** One-line literal action fields, in document order: the fields a user edits. */
  readonly fields: readonly EditableField[];
}

function casesOf(files: readonly string[]): Case[] {
  return files.map((file) => {
    const text = readFileSync(path.join(CORPUS, file), "utf8");
    const result = importText(text, { fileName: file });
    if (!result.ok || result.pipelines.length !== 1) throw new Error(`${file}: expected one pipeline`);
    return { file, text, form: result.form, fields: editableFields(result.pipelines[0]!.declaration) };
  });
}

const LITERAL = /^[\w./:-]+$/;

/** Configuration values first (booleans are choices in the inspector, not text), then action names. */
function editableFields(declaration: JsonMap): EditableField[] {
  const values: EditableField[] = [];
  const names: EditableField[] = [];
  let actionIndex = 0;
  const stages = Array.isArray(declaration["stages"]) ? declaration["stages"] : [];
  stages.forEach((stage, s) => {
    const actions = (stage as JsonMap)["actions"];
    (Array.isArray(actions) ? actions : []).forEach((action, a) => {
      const at = `stages[${s}].actions[${a}]`;
      const configuration = (action as JsonMap)["configuration"];
      for (const [key, value] of Object.entries(configuration && typeof configuration === "object" ? configuration : {})) {
        if (typeof value === "string" && LITERAL.test(value) && !isUnresolvedReference(value) && value !== "true" && value !== "false") {
          values.push({ actionIndex, path: `${at}.configuration.${key}`, value });
        }
      }
      const name = (action as JsonMap)["name"];
      if (typeof name === "string" && LITERAL.test(name)) names.push({ actionIndex, path: `${at}.name`, value: name });
      actionIndex++;
    });
  });
  return [...values, ...names];
}

const corpusFiles = readdirSync(CORPUS).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
const CASES = casesOf(corpusFiles);

async function importFile(page: Page, file: string) {
  await page.goto("/designer");
  await page.getByTestId("import-file").setInputFiles(path.join(CORPUS, file));
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("designer")).toBeVisible();
}

async function openExport(page: Page) {
  await page.getByTestId("export").click();
  await expect(page.getByTestId("export-dialog")).toBeVisible();
}

/** The export as the user downloads it: the bytes of the file, and its name. */
async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Focuses the action (as the keyboard does) and types into its field in the inspector; false when the field is no text box. */
async function editField(page: Page, field: EditableField, value: string): Promise<boolean> {
  await page.locator(`[data-testid=action-node][data-action-id="a${field.actionIndex + 1}"]`).focus();
  // The action's settings load when an action is first selected: wait for them before looking.
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-selection", `action:a${field.actionIndex + 1}`);
  await expect(page.getByTestId("action-inspector")).toBeVisible();
  const input = page.getByTestId("inspector").locator(`input[type=text][data-path="${field.path}"], textarea[data-path="${field.path}"]`);
  if ((await input.count()) === 0) return false;
  await input.fill(value);
  return true;
}

/** The lines of `exported` against `source`: same count, and only line `changed` differs, by `from` → `to` in one place. */
function expectOneLineEdited(source: string, exported: string, from: string, to: string) {
  const before = source.split("\n");
  const after = exported.split("\n");
  expect(after.length, "line count").toBe(before.length);
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
  expect(changed, "changed lines").toHaveLength(1);
  const line = before[changed[0]!]!;
  const candidates: string[] = [];
  for (let at = line.indexOf(from); at >= 0; at = line.indexOf(from, at + 1)) candidates.push(line.slice(0, at) + to + line.slice(at + from.length));
  expect(candidates, `line ${changed[0]! + 1}: ${line}`).toContain(after[changed[0]!]);
}

/** Dispatches an HTML drag and drop of a file onto `target`, as the desktop does. */
async function dropFile(page: Page, target: Locator, name: string, text: string, { release = true } = {}) {
  const dataTransfer = await transferOf(page, name, text);
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  if (release) await target.dispatchEvent("drop", { dataTransfer });
}

test.describe("designer round trip", () => {
  test.use({ viewport: { width: 1680, height: 1000 } });

  test("the corpus covers templates, snippets, a lone resource, get-pipeline output and --cli-input-json", () => {
    const forms = new Set(CASES.map((c) => c.form));
    for (const form of ["cloudformation-template", "cloudformation-snippet", "cloudformation-resource", "get-pipeline", "cli-input"] as const) {
      expect(forms, form).toContain(form);
    }
    expect(CASES.filter((c) => c.fields.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  for (const c of CASES) {
    test(`${c.file}: unedited it comes back byte for byte; one edited field changes one line`, async ({ page }) => {
      await importFile(page, c.file);
      await openExport(page);
      const own = page.locator("[data-testid^=export-form-][data-into-source]");
      await expect(own).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByTestId("export-source-note")).toContainText(`Written back into ${c.file}`);
      const unedited = await download(page);
      expect(unedited.name).toBe(c.file);
      expect(unedited.bytes.equals(Buffer.from(c.text, "utf8")), "byte for byte").toBe(true);
      await page.getByTestId("export-close").click();

      let edited: EditableField | undefined;
      for (const field of c.fields) {
        if (await editField(page, field, `${field.value}-edited`)) {
          edited = field;
          break;
        }
      }
      if (edited === undefined) {
        test.info().annotations.push({ type: "note", description: "no action field with a one-line literal value to edit" });
        return;
      }
      await openExport(page);
      const out = (await download(page)).bytes.toString("utf8");
      expectOneLineEdited(c.text, out, edited!.value, `${edited!.value}-edited`);
    });
  }

  test("--cli-input-json keeps its tags; a conversion says what it drops before it is copied", async ({ page }) => {
    // The AWS CLI's create-pipeline example with CreatePipeline's documented `tags` member added.
    const base = readFileSync(path.join(CORPUS, "awscli-create-pipeline-input.json"), "utf8");
    const text = base.replace(/\n}\s*$/, ',\n "tags": [\n  {\n   "key": "Project",\n   "value": "ProjectA"\n  }\n ]\n}\n');
    expect(text).toContain('"tags"');
    await page.goto("/designer");
    await page.getByTestId("import-file").setInputFiles({ name: "create-pipeline.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForURL(/\/designer\/[^/]+$/);
    const [field] = fieldsOf(text);
    expect(await editField(page, field!, "renamed-bucket")).toBe(true);
    await openExport(page);
    await expect(page.getByTestId("export-form-cli-input")).toHaveAttribute("aria-pressed", "true");
    const out = (await download(page)).bytes.toString("utf8");
    expectOneLineEdited(text, out, field!.value, "renamed-bucket");
    expect(JSON.parse(out).tags).toEqual([{ key: "Project", value: "ProjectA" }]);

    await page.getByTestId("export-form-declaration").click();
    await expect(page.getByTestId("export-losses")).toContainText("The tags are left out: the pipeline declaration has none.");
    await page.getByTestId("export-form-cloudformation-yaml").click();
    await expect(page.getByTestId("export-losses")).toContainText("The tags are written as the template's Tags.");
    await expect(page.getByTestId("export-text")).toHaveValue(/Key: Project/);
  });

  test("a template-born pipeline exported as get-pipeline output: the dialog lists what it cannot carry", async ({ page }, testInfo) => {
    await importFile(page, "cfn-reference-rollback-snippet.yaml");
    await openExport(page);
    await expect(page.getByTestId("export-form-cloudformation-yaml")).toContainText("CloudFormation snippet (YAML)");
    await expect(page.getByTestId("export-losses")).toHaveCount(0);
    await page.getByTestId("export-form-get-pipeline").click();
    const losses = page.getByTestId("export-losses");
    await expect(losses).toContainText("DisableInboundStageTransitions is a CloudFormation property with no place in get-pipeline output");
    await expect(losses).toContainText("Tags are left out");
    await expect(losses).toContainText("sets no Name");
    // The notes come before the text and the buttons that copy or download it.
    const notesBottom = (await losses.boundingBox())!;
    expect(notesBottom.y + notesBottom.height).toBeLessThanOrEqual((await page.getByTestId("export-text").boundingBox())!.y);
    expect(JSON.parse(await page.getByTestId("export-text").inputValue())).toHaveProperty("pipeline.name", "AppPipeline");
    expect((await download(page)).name).toBe("get-pipeline.json");
    await page.getByTestId("export-dialog").screenshot({ path: testInfo.outputPath("export-dialog-losses.png") });
  });

  test("the importer's findings are in the problems panel, lead to their field, and last as long as they are true", async ({ page }, testInfo) => {
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await importFile(page, "cfn-userguide-pipeline-template.yaml");
    const generatedName = page.locator("[data-testid=problem][data-code=PW011]");
    await expect(generatedName).toHaveCount(1);
    await expect(generatedName).toHaveAttribute("data-severity", "warning");
    await expect(generatedName).toContainText("the template sets no Name");
    await expect(page.locator("[data-testid=problem][data-code=PW010]")).toContainText("DisableInboundStageTransitions");
    // Derived off the main thread (reading a large template back would make typing stutter): one
    // worker reads the source back, the other is the validation engine every draft has.
    expect(workers).toHaveLength(2);
    await page.getByTestId("problems-panel").screenshot({ path: testInfo.outputPath("problems-panel-import-findings.png") });

    await generatedName.click();
    const focused = page.locator(":focus");
    await expect(focused).toHaveAttribute("data-path", "name");
    await expect(focused).toHaveValue("AppPipeline");
    // Naming the pipeline makes the template set Name: the finding is no longer true.
    await focused.fill("app-release");
    await expect(generatedName).toHaveCount(0);
    await expect(page.locator("[data-testid=problem][data-code=PW010]")).toHaveCount(1);
    await openExport(page);
    const source = readFileSync(path.join(CORPUS, "cfn-userguide-pipeline-template.yaml"), "utf8");
    const out = (await download(page)).bytes.toString("utf8").split("\n");
    expect(out.filter((line) => !source.split("\n").includes(line))).toEqual(["      Name: app-release"]);
  });

  test("a finding about an action goes with the action", async ({ page }) => {
    // `runOrder` spelt as the API spells it is no CloudFormation property: the importer keeps it
    // for the template alone and says so, at its action.
    const template = readFileSync(path.join(CORPUS, "cfn-lint-stage-actions.yaml"), "utf8");
    const anchor = "              Configuration:\n                ProjectName: cfn-python-lint\n";
    expect(template).toContain(anchor);
    const withCamelCase = template.replace(anchor, `              runOrder: 1\n${anchor}`);
    await page.goto("/designer");
    await page.getByTestId("import-text").fill(withCamelCase);
    await page.getByTestId("import-submit").click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    const finding = page.locator("[data-testid=problem][data-code=PW010]");
    // Located at the action: the declaration has no member for it (pointerToPath stops at the deepest one there is).
    await expect(finding).toHaveAttribute("data-diagnostic-path", "stages[1].actions[0]");
    await expect(finding).toContainText("runOrder is not part of the pipeline declaration");
    await finding.click();
    await expect(page.locator("[data-testid=action-node][aria-pressed=true]")).toHaveAttribute("data-action-id", "a2");
    await page.getByTestId("delete-selection").click();
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await expect(finding).toHaveCount(0);
  });

  test("a snippet pasted into the import box opens, and exports as the snippet it was", async ({ page }) => {
    const snippet = readFileSync(path.join(CORPUS, "cfn-userguide-pipeline-snippet.json"), "utf8");
    await page.goto("/designer");
    await page.getByTestId("import-text").fill(snippet);
    await page.getByTestId("import-submit").click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    await expect(page.getByTestId("action-node").first()).toBeVisible();
    await openExport(page);
    await expect(page.getByTestId("export-form-cloudformation-json")).toContainText("CloudFormation snippet (JSON)");
    await expect(page.getByTestId("export-text")).toHaveValue(snippet);
    expect((await download(page)).name).toBe("pipeline.json");
  });

  test("a file dropped onto the import box opens; one dropped onto the canvas asks before replacing the draft", async ({ page }, testInfo) => {
    const first = readFileSync(path.join(CORPUS, "cfn-sample-basic-pipeline.yml"), "utf8");
    const second = readFileSync(path.join(CORPUS, "cicd-sam-test-get-pipeline.json"), "utf8");
    await page.goto("/designer");
    await dropFile(page, page.getByTestId("import-box"), "basic-pipeline.yml", first, { release: false });
    await expect(page.getByTestId("import-box")).toHaveAttribute("data-drop-active", "true");
    await page.getByTestId("import-box").dispatchEvent("drop", { dataTransfer: await transferOf(page, "basic-pipeline.yml", first) });
    await page.waitForURL(/\/designer\/[^/]+$/);
    const draftUrl = page.url();
    await expect(page.getByTestId("pipeline-name")).toHaveValue(/\S/);
    const firstName = await page.getByTestId("pipeline-name").inputValue();

    // Dropped on the canvas: a hint while over it, then the question; Cancel keeps the draft.
    await dropFile(page, page.getByTestId("canvas"), "cicd.json", second, { release: false });
    await expect(page.getByTestId("canvas-drop-hint")).toBeVisible();
    await page.getByTestId("canvas").screenshot({ path: testInfo.outputPath("canvas-drop-hint.png") });
    await page.getByTestId("canvas").dispatchEvent("drop", { dataTransfer: await transferOf(page, "cicd.json", second) });
    const dialog = page.getByTestId("replace-dialog");
    await expect(dialog).toContainText("Open cicd.json?");
    await expect(dialog).toContainText("get-pipeline output (JSON): cicd_sam_test");
    await dialog.screenshot({ path: testInfo.outputPath("replace-dialog.png") });
    await page.getByTestId("replace-cancel").click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("pipeline-name")).toHaveValue(firstName);

    // Replace: the same draft now holds the dropped document, and exports into it.
    await dropFile(page, page.getByTestId("canvas"), "cicd.json", second);
    await page.getByTestId("replace-confirm").click();
    await expect(page.getByTestId("replace-dialog")).toHaveCount(0);
    await expect(page.getByTestId("pipeline-name")).toHaveValue("cicd_sam_test");
    expect(page.url()).toBe(draftUrl);
    await expect(page.getByTestId("undo")).toBeDisabled();
    await openExport(page);
    expect((await download(page)).bytes.toString("utf8")).toBe(second);
    await page.getByTestId("export-close").click();
    await page.reload();
    await expect(page.getByTestId("pipeline-name")).toHaveValue("cicd_sam_test");

    // Open as a new draft: this one stays as it is.
    await dropFile(page, page.getByTestId("canvas"), "basic-pipeline.yml", first);
    await page.getByTestId("replace-open-new").click();
    await page.waitForURL((url) => url.href !== draftUrl && /\/designer\/[^/]+$/.test(url.pathname));
    await expect(page.getByTestId("pipeline-name")).toHaveValue(firstName);
    await page.goto(draftUrl);
    await expect(page.getByTestId("pipeline-name")).toHaveValue("cicd_sam_test");

    // Not a pipeline document: the dialog says why and offers nothing to replace.
    await dropFile(page, page.getByTestId("canvas"), "notes.json", '{"hello": "world"}');
    await expect(page.getByTestId("replace-error")).toBeVisible();
    await expect(page.getByTestId("replace-confirm")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("replace-dialog")).toHaveCount(0);
  });

  test("a template with two pipelines dropped onto the canvas: the chosen one replaces the draft, under its logical id", async ({ page }) => {
    const pipeline = (name: string) =>
      `  ${name}:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      RoleArn: arn:aws:iam::123456789012:role/r\n      Stages:\n        - Name: Source\n          Actions: []\n`;
    const template = `Resources:\n${pipeline("Frontend")}${pipeline("Backend")}`;
    await importFile(page, "cfn-userguide-pipeline-snippet.yaml");
    await dropFile(page, page.getByTestId("canvas"), "two.yaml", template);
    await expect(page.getByTestId("replace-dialog")).toContainText("CloudFormation template (YAML), 2 pipelines");
    await page.getByTestId("replace-choice").nth(1).check();
    await page.getByTestId("replace-confirm").click();
    await expect(page.getByTestId("pipeline-name")).toHaveValue("Backend");
    await openExport(page);
    expect((await download(page)).bytes.toString("utf8")).toBe(template);
  });

  test("storage too full for the source: the import asks, and a failed autosave is shown", async ({ page }) => {
    // A template whose comment makes it larger than the room left in localStorage.
    const template = readFileSync(path.join(CORPUS, "cfn-sample-basic-pipeline.yml"), "utf8");
    const large = `# ${"x".repeat(1_200_000)}\n${template}`;
    await page.goto("/designer");
    await fillStorage(page, 600_000);
    await page.getByTestId("import-file").setInputFiles({ name: "large.yml", mimeType: "text/yaml", buffer: Buffer.from(large) });
    const notice = page.getByTestId("no-room-for-source");
    // Reading 1.2 MB into the text box takes a while on a busy machine.
    await expect(notice).toContainText("large.yml (1.2 MB) does not fit beside its draft", { timeout: 30_000 });
    await page.getByTestId("open-without-source").click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    // Without its source the draft exports like a new design.
    await openExport(page);
    await expect(page.locator("[data-testid^=export-form-][data-into-source]")).toHaveCount(0);
    await expect(page.getByTestId("export-form-declaration")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("export-close").click();

    // Fill the rest: the next edit cannot be saved, and the editor says so until one can.
    await fillStorage(page, 0);
    await page.getByTestId("add-stage").click();
    await expect(page.getByTestId("autosave-failed")).toContainText("Autosave failed");
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith("filler:")) localStorage.removeItem(key);
    });
    await page.getByTestId("add-stage").click();
    await expect(page.getByTestId("autosave-failed")).toHaveCount(0);
  });
});

function fieldsOf(text: string): EditableField[] {
  const result = importText(text);
  if (!result.ok) throw result.error;
  return editableFields(result.pipelines[0]!.declaration);
}

async function transferOf(page: Page, name: string, text: string) {
  return page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name));
      return transfer;
    },
    { name, text },
  );
}

/** Fills this site's localStorage (about 5 million characters in Chromium) until about `leave` characters are left. */
async function fillStorage(page: Page, leave: number) {
  await page.evaluate((leave) => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; ) {
      try {
        localStorage.setItem(`filler:${i}`, "x".repeat(size));
        i++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    // Full now: make room for `leave` more by shortening the first (1 MiB) filler.
    if (leave > 0) localStorage.setItem("filler:0", "x".repeat((1 << 20) - leave));
  }, leave);
}
