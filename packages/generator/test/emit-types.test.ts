/**
 * The TypeScript emit stage: type expressions, names, TSDoc, one service module, the package modules, and
 * the golden declarations of six services (compared byte for byte, compiled under `strict`, checked for
 * TSDoc on every declaration and property).
 *
 * Regenerate the golden files on purpose, then review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run packages/generator/test/emit-types.test.ts
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Node, Project, SyntaxKind } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { emitEnvelopeTypes, emitPackageTypes, emitServiceTypes, TYPES_DIR, typesPath } from "../src/emit-types.js";
import { emitEnvelopeModule, envelopeTypeNames } from "../src/emit-types/envelope.js";
import { Namer, operationModule, pascal, propertyKey, typeName } from "../src/emit-types/names.js";
import { apiReference, emitServiceModule, eventKeys, printType } from "../src/emit-types/service.js";
import { NOTE_MAX, SUMMARY_MAX, summarizeDoc, tsdoc } from "../src/emit-types/tsdoc.js";
import { envelopeSchema } from "../src/envelope.js";
import { generate, logService } from "../src/generate.js";
import { openSnapshot } from "../src/load.js";
import type { LoggedService, LogType } from "../src/log-model.js";
import { buildManifest, entryOf } from "../src/manifest.js";
import { normalize } from "../src/normalize.js";
import { project } from "../src/project/index.js";
import { tinyModel } from "./fixtures/tiny-model.js";
import { diagnostics } from "./helpers/compile.js";

const ctx = { botocoreVersion: "9.9.9" };
const str = (extra: object = {}): LogType => ({ kind: "string", ...extra });

describe("type expressions", () => {
  it.each<[string, { given: LogType; defs?: Record<string, string>; want: string }]>([
    ["a string", { given: str(), want: "string" }],
    ["an enum: open literal union", { given: str({ enum: ["small", "large"] }), want: '"small" | "large" | (string & {})' }],
    ["integers and doubles: number", { given: { kind: "integer", min: 0 }, want: "number" }],
    ["a boolean", { given: { kind: "boolean" }, want: "boolean" }],
    ["a timestamp: the strings and numbers CloudTrail writes", { given: { kind: "timestamp" }, want: "string | number" }],
    ["a blob: base64 text", { given: { kind: "blob" }, want: "string" }],
    ["a document: unknown", { given: { kind: "any" }, want: "unknown" }],
    ["a list", { given: { kind: "array", items: { kind: "integer" } }, want: "number[]" }],
    ["a list of a union: parenthesised", { given: { kind: "array", items: str({ enum: ["a"] }) }, want: '("a" | (string & {}))[]' }],
    ["a map: string keys, whatever the key shape", { given: { kind: "map", keys: str({ enum: ["k"] }), values: str() }, want: "{ [key: string]: string }" }],
    ["a redacted value", { given: str({ redacted: ["HIDDEN_DUE_TO_SECURITY_REASONS"] }), want: 'string | "HIDDEN_DUE_TO_SECURITY_REASONS"' }],
    ["the three redaction markers: the root's alias", { given: str({ redacted: ["HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>"] }), want: "string | $.RedactionMarker" }],
    ["a reference: the definition's type name", { given: { kind: "ref", def: "Node.request" }, defs: { "Node.request": "Node_request" }, want: "Node_request" }],
    ["alternatives, deduplicated", { given: { kind: "oneOf", options: [{ kind: "integer" }, str(), { kind: "number" }] }, want: "number | string" }],
    [
      "an inline object: optional members with TSDoc, indented",
      {
        given: { kind: "object", fields: [{ name: "items", type: { kind: "array", items: str() }, required: true, addedBy: "ec2-list-items" }] },
        want: "{\n  /** Added by rule `ec2-list-items`. */\n  items?: string[];\n}",
      },
    ],
    [
      "alternative objects: one object with the fields of both (reading a field needs no narrowing)",
      {
        given: {
          kind: "oneOf",
          options: [
            { kind: "object", fields: [{ name: "a", type: str(), required: false, doc: "A." }] },
            { kind: "array", items: str() },
            { kind: "object", fields: [{ name: "b", type: { kind: "boolean" }, required: false, doc: "B." }, { name: "a", type: { kind: "integer" }, required: false }] },
          ],
        },
        want: "{\n  /** A. */\n  a?: string | number;\n  /** B. */\n  b?: boolean;\n} | string[] & { a?: undefined; b?: undefined }",
      },
    ],
    [
      "a string standing in for a structure (EC2's empty list): exactly that string, the structure's keys undefined on it",
      {
        given: { kind: "oneOf", options: [{ kind: "object", fields: [{ name: "items", type: { kind: "array", items: str() }, required: false, doc: "I." }] }, { kind: "string", enum: [""], placeholder: true }] },
        want: '{\n  /** I. */\n  items?: string[];\n} | "" & { items?: undefined }',
      },
    ],
    [
      "any string beside a structure (a legacy EC2 list element, {resourceId} or the bare id): the structure's keys undefined on it",
      {
        given: { kind: "oneOf", options: [{ kind: "object", fields: [{ name: "resourceId", type: str(), required: false, doc: "R." }] }, str()] },
        want: "{\n  /** R. */\n  resourceId?: string;\n} | string & { resourceId?: undefined }",
      },
    ],
    [
      "an open enum beside a structure: parenthesised before its keys",
      {
        given: { kind: "oneOf", options: [{ kind: "object", fields: [{ name: "a", type: str(), required: false, doc: "A." }] }, str({ enum: ["A"] })] },
        want: '{\n  /** A. */\n  a?: string;\n} | ("A" | (string & {})) & { a?: undefined }',
      },
    ],
    [
      "a string enum beside a structure that is not a placeholder stays an open enum",
      {
        given: { kind: "oneOf", options: [{ kind: "object", fields: [] }, { kind: "string", enum: ["A"] }] },
        want: '{\n} | "A" | (string & {})',
      },
    ],
    [
      "a redacted reference to a definition printType cannot see: the markers alone (the service module reads the keys, see sts)",
      {
        given: { kind: "ref", def: "Creds", redacted: ["HIDDEN_DUE_TO_SECURITY_REASONS", "****"] },
        defs: { Creds: "Credentials" },
        want: 'Credentials | "HIDDEN_DUE_TO_SECURITY_REASONS" | "****"',
      },
    ],
    [
      "a redacted object: markers with its keys; keys a string has itself (length) are left out",
      {
        given: { kind: "object", fields: [{ name: "accessKeyId", type: str(), required: false, doc: "K." }, { name: "length", type: str(), required: false, doc: "L." }], redacted: ["****"] },
        want: '{\n  /** K. */\n  accessKeyId?: string;\n  /** L. */\n  length?: string;\n} | "****" & { accessKeyId?: undefined }',
      },
    ],
    [
      "an open object: an index signature",
      { given: { kind: "object", fields: [], open: true }, want: "{\n  /** CloudTrail logs fields the model does not list here. */\n  [field: string]: unknown;\n}" },
    ],
  ])("%s", (_name, { given, defs, want }) => {
    expect(printType(given, defs)).toBe(want);
  });
});

describe("names", () => {
  it.each([
    ["Policy", "Policy"],
    ["string", "string_"],
    ["enum", "enum_"],
    ["__listOf__string", "__listOf__string"],
    ["kms:RotateKeyEvent", "kms_RotateKeyEvent"],
    ["3dThing", "_3dThing"],
  ])("type name of %s is %s", (given, want) => expect(typeName(given)).toBe(want));

  it.each([
    ["policyName", "policyName"],
    ["x-amz-meta", '"x-amz-meta"'],
    ["_return", "_return"],
  ])("property key of %s is %s", (given, want) => expect(propertyKey(given)).toBe(want));

  it.each([
    ["iam", "Iam"],
    ["acm-pca", "AcmPca"],
    ["ec2", "Ec2"],
    ["signin-console", "SigninConsole"],
  ])("service prefix of %s is %s", (given, want) => expect(pascal(given)).toBe(want));

  it("resolves clashes in claim order, the later claim renamed", () => {
    const n = new Namer();
    expect([n.claim("CreatePolicyEvent"), n.claim("Policy"), n.claim("CreatePolicyEvent"), n.claim("CreatePolicyEvent")]).toEqual([
      "CreatePolicyEvent",
      "Policy",
      "CreatePolicyEvent_2",
      "CreatePolicyEvent_3",
    ]);
    expect(n.renamed).toBe(2);
  });
});

describe("TSDoc", () => {
  it.each<[string, { given: Parameters<typeof tsdoc>[0]; want: string }]>([
    ["one line", { given: { text: ["The name."] }, want: "/** The name. */\n" }],
    ["paragraphs", { given: { text: ["A.", undefined, "B.\nC."] }, want: "/**\n * A.\n *\n * B.\n * C.\n */\n" }],
    ["a comment end in the text", { given: { text: ["Matches a/*/b or */."] }, want: "/** Matches a/*\\/b or *\\/. */\n" }],
    ["a line that would start a tag", { given: { text: ["@aws.region is set"] }, want: "/** \\@aws.region is set */\n" }],
    ["deprecated", { given: { text: ["Old."], deprecated: true }, want: "/**\n * Old.\n *\n * @deprecated\n */\n" }],
  ])("%s", (_name, { given, want }) => expect(tsdoc(given)).toBe(want));
});

describe("summarizeDoc", () => {
  const long = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");
  const sentence = (n: number) => `${long(n)}.`;
  it.each<[string, { given: string | undefined; want: string | undefined }]>([
    ["nothing", { given: undefined, want: undefined }],
    ["a short text stays whole", { given: "The name of the policy.", want: "The name of the policy." }],
    ["only the first paragraph", { given: "The name.\n\nFor more information, see the guide.", want: "The name." }],
    ["a long paragraph: whole sentences up to the cap", { given: `${sentence(40)} ${sentence(40)}`, want: sentence(40) }],
    ["a first sentence over the cap: cut at a word, with an ellipsis", { given: sentence(80), want: `${long(59)}…` }],
    ["abbreviations do not end a sentence", { given: `Use a tag, e.g. Name. ${sentence(60)}`, want: "Use a tag, e.g. Name." }],
    ["a period inside a link does not end it", { given: `See the guide (https://docs.aws.amazon.com/a.html). ${sentence(60)}`, want: "See the guide (https://docs.aws.amazon.com/a.html)." }],
    ["a closing parenthesis stays with its sentence", { given: `Tags (up to 50.) ${sentence(60)}`, want: "Tags (up to 50.)" }],
    ["short value and constraint notes are kept", { given: "The mode.\n\nSome prose.\n\nValid values: A | B\n\nConstraints: 1-64 characters.", want: "The mode.\n\nValid values: A | B\n\nConstraints: 1-64 characters." }],
    ["a title and the paragraph after it", { given: "Key Management Service\n\nKMS is a key service.\n\nMore.", want: "Key Management Service\n\nKMS is a key service." }],
    ["a long note is not", { given: `The mode.\n\nValid values: ${long(40, "VALUE")}`, want: "The mode." }],
    ["a list as the first paragraph: whole items", { given: `One of:\n- ${sentence(25)}\n- ${sentence(25)}\n- ${sentence(25)}`, want: `One of:\n- ${sentence(25)}\n- ${sentence(25)}` }],
  ])("%s", (_name, { given, want }) => expect(summarizeDoc(given)).toBe(want));

  it("never grows past the cap (with its notes aside) and keeps what fits whole", () => {
    for (const n of [1, 10, 49, 50, 51, 60, 120, 400]) {
      const doc = `${sentence(n)} ${sentence(3)}\n\nMore.`;
      const s = summarizeDoc(doc)!;
      expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(doc.startsWith(s.replace(/…$/, ""))).toBe(true);
    }
    expect(NOTE_MAX).toBeLessThan(SUMMARY_MAX);
  });

  it("is idempotent", () => {
    for (const doc of [`${sentence(80)}`, `${sentence(40)} ${sentence(40)}\n\nValid values: A`, "A.\n\nB."]) {
      expect(summarizeDoc(summarizeDoc(doc))).toBe(summarizeDoc(doc));
    }
  });
});

describe("a service module (tiny model)", () => {
  const tiny = project(normalize("tiny", tinyModel, ctx));
  const { text, files } = emitServiceModule(tiny, ctx);
  const file = (path: string) => {
    const t = files.get(path);
    if (t === undefined) throw new Error(`no ${path} among ${[...files.keys()].join(", ")}`);
    return t;
  };

  it("writes one module per operation, one per set of operations sharing shapes, the events map and the service", () => {
    expect([...files.keys()].sort()).toEqual(
      ["tiny.d.ts", "tiny/shapes.d.ts", "tiny/shapes/Thing.d.ts", ...tiny.operations.map((op) => `tiny/${op.name}.d.ts`)].sort(),
    );
    // The service re-exports every module, so `@cloudtrail-schema/types/tiny` is the whole service.
    for (const path of files.keys()) if (path !== "tiny.d.ts") expect(file("tiny.d.ts")).toContain(`export * from "./${path.replace(/\.d\.ts$/, ".js")}";\n`);
  });

  it("declares the events map and its registry entry once; each operation module adds its event", () => {
    expect(file("tiny/shapes.d.ts")).toContain("export interface TinyEvents {}\n");
    expect(file("tiny/shapes.d.ts")).toContain("export type TinyEvent = TinyEvents[keyof TinyEvents];\n");
    expect(file("tiny/shapes.d.ts")).toContain('declare module "../../index.js" {\n  interface CloudTrailServices {\n');
    expect(file("tiny/shapes.d.ts")).toContain("    tiny: TinyEvents;\n");
    expect(file("tiny/PutThing.d.ts")).toContain('declare module "./shapes.js" {\n  interface TinyEvents {\n    PutThing: PutThingEvent;\n  }\n}\n');
    // A module augmentation alone does not bring the augmented module into a program: the import does (here
    // the import of the service's record, which every operation module of a service of one eventSource has).
    for (const op of tiny.operations) expect(file(`tiny/${op.name}.d.ts`)).toMatch(/^import type \{ TinyRecord \} from "\.\/shapes\.js";$/m);
  });

  it("declares a shape two operations reach once, in its own module, and one only an operation reaches in that operation's", () => {
    expect(file("tiny/shapes/Thing.d.ts")).toMatch(/^export interface Thing \{/m);
    for (const op of ["PutThing", "ListThings"]) expect(file(`tiny/${op}.d.ts`)).toContain('import type { Thing } from "./shapes/Thing.js";\n');
    expect(file("tiny/PutThing.d.ts")).toMatch(/^export interface Node \{/m);
    expect(text.match(/^export interface Thing \{/gm)).toHaveLength(1);
  });

  it("gives each operation an event with literal eventSource and eventName and typed payloads", () => {
    // The service's record, declared once: the envelope with the literal eventSource, and the name and payloads it is given.
    expect(file("tiny/shapes.d.ts")).toContain(
      "export interface TinyRecord<EventName extends string, RequestParameters, ResponseElements> extends $.CloudTrailRecord {\n" +
        '  eventSource: "tiny.amazonaws.com";\n  eventName: EventName;\n' +
        "  requestParameters?: RequestParameters | null;\n  responseElements?: ResponseElements | null;\n}\n",
    );
    expect(file("tiny/shapes.d.ts")).toContain('import type * as $ from "../../index.js";\n');
    expect(file("tiny/PutThing.d.ts")).toContain('export interface PutThingEvent extends TinyRecord<"PutThing", PutThingRequestParameters, PutThingResponseElements> {}\n');
    // No input or output shape: whatever CloudTrail writes, typically null.
    expect(file("tiny/Ping.d.ts")).toContain('export interface PingEvent extends TinyRecord<"Ping", $.UnmodeledPayload, $.UnmodeledPayload> {}\n');
    expect(file("tiny/Ping.d.ts")).toContain('import type * as $ from "../../index.js";\n');
  });

  it("declares the fields of the error document once, in the root, for the responses that have them all", () => {
    // tiny is a JSON service: a failed call may log {"message": …} as responseElements (rule json-error-document).
    expect(file("tiny/PutThing.d.ts")).toMatch(/^export interface PutThingResponseElements extends \$\.JsonErrorDocument \{$/m);
    expect(text).not.toMatch(/^ {2}__type\?: string;$/m);
    // An output with a member of one of those names keeps its own, and declares the rest itself.
    const model = structuredClone(tinyModel);
    const shapes = model.shapes as Record<string, { members?: Record<string, { shape: string }> }>;
    shapes.PutThingResponse!.members!.message = { shape: "Name" };
    const own = emitServiceModule(project(normalize("tiny", model, ctx)), ctx).files.get("tiny/PutThing.d.ts")!;
    expect(own).toMatch(/^export interface PutThingResponseElements \{$/m);
    expect(own).toMatch(/^ {2}__type\?: string;$/m);
    expect(own.match(/^ {2}message\?: /gm)).toHaveLength(1);
  });

  it("types members as the compatible schema does, with the model's docs", () => {
    expect(text).toContain("  /** The thing's name. */\n  thingName?: string;\n");
    expect(text).toContain('  kind?: Kind;\n');
    expect(text).toContain('export type Kind = "small" | "large" | (string & {});\n');
    // The markers CloudTrail writes in place of a sensitive value, by their name in the root.
    expect(text).toContain("  secret?: string | $.RedactionMarker;\n");
    expect(text).toContain("  tree?: Node;\n");
    // Recursion is a reference to the named definition.
    expect(text).toMatch(/export interface Node \{[^}]*children\?: Node\[\];/s);
  });

  it("names the botocore shape of a payload only where it is not the operation's own name", () => {
    expect(file("tiny/PutThing.d.ts")).toContain("/** `responseElements` of tiny `PutThing`. */\n");
    const model = structuredClone(tinyModel);
    const ops = model.operations as Record<string, { output?: { shape: string } }>;
    const shapes = model.shapes as Record<string, unknown>;
    shapes.ThingResult = shapes.PutThingResponse;
    ops.PutThing!.output = { shape: "ThingResult" };
    const other = emitServiceModule(project(normalize("tiny", model, ctx)), ctx).files.get("tiny/PutThing.d.ts")!;
    expect(other).toContain("/** `responseElements` of tiny `PutThing` (botocore shape `ThingResult`). */\n");
  });

  it("links each event to the AWS API reference, and the service to the show command", () => {
    expect(apiReference("tiny-2024-01-01", "PutThing")).toBe("https://docs.aws.amazon.com/goto/WebAPI/tiny-2024-01-01/PutThing");
    expect(text).toMatch(
      /\/\*\*\n \* Stores a `Thing`\.\n \*\n \* @see \{@link https:\/\/docs\.aws\.amazon\.com\/goto\/WebAPI\/tiny-2024-01-01\/PutThing \| PutThing in the AWS API reference\}\n \*\/\nexport interface PutThingEvent /,
    );
    // Without the model's documentation, the event says what it is; the service module how to read the rest.
    expect(file("tiny/Ping.d.ts")).toContain(" * The CloudTrail record of tiny `Ping`: eventSource `tiny.amazonaws.com`, eventName `Ping`.\n");
    expect(file("tiny.d.ts")).toContain("An operation's full documentation: `cloudtrail-schema show tiny.<Operation>`.");
  });

  it("keeps the model's whole documentation with fullDocs, and only its summary without", () => {
    const model = structuredClone(tinyModel);
    const more = "<p>For more information, see the guide.</p>";
    const shapes = model.shapes as Record<string, { members?: Record<string, { documentation?: string }> }>;
    for (const shape of Object.values(shapes)) for (const m of Object.values(shape.members ?? {})) if (m.documentation) m.documentation += more;
    const svc = project(normalize("tiny", model, ctx));
    expect(emitServiceModule(svc, ctx).text).not.toContain("For more information");
    expect(emitServiceModule(svc, { ...ctx, fullDocs: true }).text).toContain("   * The thing's name.\n   *\n   * For more information, see the guide.\n");
    expect(emitServiceModule(svc, ctx).text).toContain("  /** The thing's name. */\n  thingName?: string;\n");
  });

  it("compiles under strict with the package's root and envelope", async () => {
    const files = await packageFiles([tiny]);
    const dir = "/virtual/types";
    const memory = Object.fromEntries([...files].map(([p, t]) => [`${dir}/${p}`, t]));
    expect(diagnostics(Object.keys(memory), memory)).toEqual([]);
  });

  it("registers only the operations a program imports, and all of them with the service", async () => {
    const dir = "/virtual/types";
    const memory = Object.fromEntries([...(await packageFiles([tiny]))].map(([p, t]) => [`${dir}/${p}`, t]));
    const consumer = (from: string, body: string) => ({
      ...memory,
      "/virtual/consumer.ts": `import type { CloudTrailEvent, OperationName } from "${dir}/dist/index.js";\nimport type {} from "${dir}/dist/services/${from}.js";\n${body}`,
    });
    const one = consumer("tiny/PutThing", 'export const name: OperationName<"tiny"> = "PutThing";\ndeclare const e: CloudTrailEvent<"tiny", "PutThing">;\nexport const n: string | undefined = e.requestParameters?.thingName;\n');
    expect(diagnostics(["/virtual/consumer.ts"], one)).toEqual([]);
    const other = consumer("tiny/PutThing", 'export const name: OperationName<"tiny"> = "ListThings";\n');
    expect(diagnostics(["/virtual/consumer.ts"], other).join("\n")).toMatch(/"ListThings"/);
    const all = consumer("tiny", 'export const names: OperationName<"tiny">[] = ["PutThing", "ListThings", "Ping"];\nexport type Ping = CloudTrailEvent<"tiny", "Ping">;\n');
    expect(diagnostics(["/virtual/consumer.ts"], all)).toEqual([]);
  });

  it("registers an event under its operation's other eventNames too, unless another operation has that name or shares it", async () => {
    const names: Record<string, string[]> = { PutThing: ["PutThing", "PutThing20200101", "Shared"], ListThings: ["ListThings", "Shared", "Ping"] };
    const aliased = { ...tiny, operations: tiny.operations.map((op) => ({ ...op, eventNames: names[op.name] ?? op.eventNames })) };
    expect(Object.fromEntries(eventKeys(aliased))).toEqual({ PutThing: ["PutThing", "PutThing20200101"], ListThings: ["ListThings"], Ping: ["Ping"] });
    const { files: out } = emitServiceModule(aliased, ctx);
    expect(out.get("tiny/PutThing.d.ts")).toContain("  interface TinyEvents {\n    PutThing: PutThingEvent;\n    PutThing20200101: PutThingEvent;\n  }\n");
    expect(out.get("tiny/shapes.d.ts")).toContain("also here under each other eventName CloudTrail logs it under (`PutThing20200101`)");
    expect(file("tiny/shapes.d.ts")).not.toContain("other eventName");
    const dir = "/virtual/types";
    const memory = Object.fromEntries([...(await packageFiles([aliased]))].map(([p, t]) => [`${dir}/${p}`, t]));
    const consumer = (body: string) => ({
      ...memory,
      "/virtual/consumer.ts": `import type { CloudTrailEvent } from "${dir}/dist/index.js";\nimport type {} from "${dir}/dist/services/tiny.js";\n${body}`,
    });
    const byAlias = consumer('declare const e: CloudTrailEvent<"tiny", "PutThing20200101">;\nexport const same: CloudTrailEvent<"tiny", "PutThing"> = e;\nexport const back: CloudTrailEvent<"tiny", "PutThing20200101"> = {} as CloudTrailEvent<"tiny", "PutThing">;\n');
    expect(diagnostics(["/virtual/consumer.ts"], byAlias)).toEqual([]);
    expect(diagnostics(["/virtual/consumer.ts"], consumer('export type S = CloudTrailEvent<"tiny", "Shared">;\n')).join("\n")).toMatch(/"Shared"/);
  });

  it("refuses operations whose module files would clash where file names are not case-sensitive", () => {
    const twin = { ...tiny, operations: [...tiny.operations, { ...tiny.operations[0]!, name: tiny.operations[0]!.name.toLowerCase() }] };
    expect(() => emitServiceModule(twin, ctx)).toThrow(/tiny\.\w+ would be written to the same file as operation tiny\.\w+/);
    const shapes = { ...tiny, operations: [...tiny.operations, { ...tiny.operations[0]!, name: "Shapes" }] };
    expect(() => emitServiceModule(shapes, ctx)).toThrow(/tiny\.Shapes would be written to the same file as the module of tiny's events map/);
  });

  it("writes a curated operation's module under a name Windows can hold: `kms:DeleteKey` as kms.DeleteKey.d.ts", async () => {
    const curated = { ...tiny, operations: tiny.operations.map((op, i) => (i === 0 ? { ...op, name: `kms:${op.name}` } : op)) };
    const first = curated.operations[0]!.name;
    const { files: out } = emitServiceModule(curated, ctx);
    const module = `tiny/${first.replace(":", ".")}.d.ts`;
    expect([...out.keys()]).toContain(module);
    expect([...out.keys()].filter((k) => k.includes(":"))).toEqual([]);
    expect(out.get("tiny.d.ts")).toContain(`export * from "./${module.replace(/\.d\.ts$/, ".js")}";\n`);
    // The events map keeps the operation's name.
    expect(out.get(module)).toContain(`    ${JSON.stringify(first)}: `);
    const dir = "/virtual/types";
    const memory = Object.fromEntries([...(await packageFiles([curated]))].map(([p, t]) => [`${dir}/${p}`, t]));
    const consumer = { ...memory, "/virtual/consumer.ts": `import type { CloudTrailEvent } from "${dir}/dist/index.js";\nimport type {} from "${dir}/dist/services/tiny.js";\nexport type E = CloudTrailEvent<"tiny", ${JSON.stringify(first)}>;\n` };
    expect(diagnostics(["/virtual/consumer.ts"], consumer)).toEqual([]);
    const clash = { ...curated, operations: [...curated.operations, { ...curated.operations[0]!, name: first.replace(":", ".") }] };
    expect(() => emitServiceModule(clash, ctx)).toThrow(/would be written to the same file as operation tiny\.kms:/);
    const unportable = { ...tiny, operations: [{ ...tiny.operations[0]!, name: "Put|Thing" }] };
    expect(() => emitServiceModule(unportable, ctx)).toThrow(/tiny\.Put\|Thing has a character no Windows file name can hold/);
  });

  it("declares an operation's inline additionalEventData and serviceEventDetails by name, beside its payloads", () => {
    const details: LogType = { kind: "object", open: true, fields: [{ name: "MFAUsed", type: str(), required: false, doc: "Whether MFA was used." }] };
    const outcome: LogType = { kind: "object", fields: [{ name: "Ping", type: str(), required: false, doc: "The outcome." }] };
    const withDetails = { ...tiny, operations: tiny.operations.map((o) => (o.name === "Ping" ? { ...o, additionalEventData: details, serviceEventDetails: outcome } : o)) };
    const ping = emitServiceModule(withDetails, ctx).files.get("tiny/Ping.d.ts")!;
    expect(ping).toContain("  additionalEventData?: PingAdditionalEventData | null;\n  serviceEventDetails?: PingServiceEventDetails | null;\n}\n");
    expect(ping).toContain(
      "/** `additionalEventData` of tiny `Ping`. */\nexport interface PingAdditionalEventData {\n  /** Whether MFA was used. */\n  MFAUsed?: string;\n" +
        "  /** CloudTrail logs fields the model does not list here. */\n  [field: string]: unknown;\n}\n",
    );
    expect(ping).toContain("export interface PingServiceEventDetails {\n");
    // Other operations keep their names and their one-line events.
    expect(emitServiceModule(withDetails, ctx).files.get("tiny/PutThing.d.ts")).toBe(file("tiny/PutThing.d.ts"));
  });

  it("does not mutate the log model and prints the same text twice", () => {
    const frozen = deepFreeze(structuredClone(tiny));
    expect(emitServiceModule(frozen, ctx).text).toBe(text);
  });
});

describe("package modules", () => {
  it("names the envelope's types from its schema, CloudTrailRecord first", () => {
    const names = envelopeTypeNames(envelopeSchema("9.9.9"));
    expect(names[0]).toBe("CloudTrailRecord");
    expect(names).toContain("UserIdentity");
    expect(names).not.toContain("Record");
  });

  it("gives the envelope's payloads `unknown` in CloudTrailRecord, so every event is a record", async () => {
    const text = await emitEnvelopeModule(envelopeSchema("9.9.9"), ctx);
    expect(text).toMatch(/export interface CloudTrailRecord \{/);
    expect(text).toMatch(/requestParameters\?: unknown;/);
    // Required as in strict mode (issue 9); the type guards do not narrow trimmed exports that lack it.
    expect(text).toMatch(/\beventVersion: string;/);
    expect(text).not.toMatch(/eventVersion\?: string;/);
    expect(text).not.toMatch(/export type CloudTrailRecord/);
    expect(text).toMatch(/export interface UserIdentity \{[^}]*type\?:\s*\|?\s*"AWSAccount"\s*\|[^;]*\(string & \{\}\);/s);
    expect(await emitEnvelopeModule(envelopeSchema("9.9.9"), ctx)).toBe(text);
  });

  it("keeps the root free of service modules", async () => {
    const files = await packageFiles([project(normalize("tiny", tinyModel, ctx))]);
    const index = files.get(`${TYPES_DIR}/index.d.ts`)!;
    expect(index).not.toMatch(/services\//);
    expect(files.get(`${TYPES_DIR}/all.d.ts`)).toContain('import "./services/tiny.js";');
    expect(files.get(`${TYPES_DIR}/event-sources.d.ts`)).toContain('  tiny: "tiny.amazonaws.com";');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Golden files: the declarations of six services as the package ships them, under test/golden/types/: the
// package's own modules as files, each service's modules (ec2 has 1,600) as one text, module after module.

const GOLDEN = ["ec2", "iam", "kms", "lambda", "s3", "sts"];
const goldenDir = join(import.meta.dirname, "golden", "types");
const snapshot = openSnapshot(join(import.meta.dirname, "..", "..", "..", "data", "botocore"));
const PACKAGE_FILES = ["index.d.ts", "index.d.mts", "all.d.ts", "all.d.mts", "envelope.d.ts", "event-sources.d.ts"];

/** A service's modules as one golden text: each after a `// ==> <path>` line, in path order. */
function serviceBundle(files: ReadonlyMap<string, string>, service: string): string {
  const prefix = `${TYPES_DIR}/services/`;
  return [...files]
    .filter(([p]) => p === `${prefix}${service}.d.ts` || p.startsWith(`${prefix}${service}/`))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, t]) => `// ==> ${p.slice(TYPES_DIR.length + 1)}\n${t}`)
    .join("\n");
}

describe("golden declarations", () => {
  let files: Map<string, string>;
  let written: string;
  const golden = new Map<string, () => string>([
    ...GOLDEN.map((s): [string, () => string] => [`services/${s}.modules.txt`, () => serviceBundle(files, s)]),
    ...PACKAGE_FILES.map((p): [string, () => string] => [p, () => files.get(`${TYPES_DIR}/${p}`)!]),
  ]);
  beforeAll(async () => {
    const context = createContext(snapshot, { services: GOLDEN });
    files = new Map([...generate(snapshot, context, []).files].filter(([p]) => p.startsWith(`${TYPES_DIR}/`)));
    files.set(...(await emitEnvelopeTypes(envelopeSchema(context.botocoreVersion), context)));
    // The declarations on disk, for the compiler and ts-morph.
    written = mkdtempSync(join(tmpdir(), "cloudtrail-golden-types-"));
    for (const [path, text] of files) {
      mkdirSync(dirname(join(written, path)), { recursive: true });
      writeFileSync(join(written, path), text);
    }
    if (process.env.UPDATE_GOLDEN) {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const [path, text] of golden) {
        mkdirSync(dirname(join(goldenDir, path)), { recursive: true });
        writeFileSync(join(goldenDir, path), text());
      }
    }
  });
  afterAll(() => {
    if (written) rmSync(written, { recursive: true, force: true });
  });

  it("generates the modules of the six services and the package's own", () => {
    const services = new Set([...files.keys()].filter((p) => p.startsWith(`${TYPES_DIR}/services/`)).map((p) => /^[^/]+\/services\/([^/.]+)/.exec(p)![1]));
    expect([...services].sort()).toEqual([...GOLDEN].sort());
    expect([...files.keys()].filter((p) => !p.startsWith(`${TYPES_DIR}/services/`)).sort()).toEqual(PACKAGE_FILES.map((p) => `${TYPES_DIR}/${p}`).sort());
    for (const s of GOLDEN) {
      const svc = logService(snapshot, s, createContext(snapshot));
      for (const path of [typesPath.service(s), `${TYPES_DIR}/services/${s}/shapes.d.ts`, ...svc.operations.map((op) => `${TYPES_DIR}/services/${s}/${operationModule(op.name)}.d.ts`)]) {
        expect(files.has(path), path).toBe(true);
      }
    }
  });

  it("gives the root and `all` an ES-module twin that re-exports them, and the services none", () => {
    expect(files.get(`${TYPES_DIR}/index.d.mts`)).toMatch(/\nexport \* from "\.\/index\.js";\n$/);
    expect(files.get(`${TYPES_DIR}/all.d.mts`)).toMatch(/\nimport "\.\/all\.js";\n$/);
    expect([...files.keys()].filter((p) => p.startsWith(`${TYPES_DIR}/services/`) && p.endsWith(".d.mts"))).toEqual([]);
  });

  it.each([...golden.keys()])("%s matches its golden file", (path) => {
    const file = join(goldenDir, path);
    expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    const same = golden.get(path)!() === readFileSync(file, "utf8");
    expect(same, `${path} differs from its golden file; review the diff, then UPDATE_GOLDEN=1`).toBe(true);
  });

  it("is deterministic: the same service twice gives the same bytes", () => {
    const svc = logService(snapshot, "kms", createContext(snapshot));
    expect(emitServiceTypes(svc, ctx)).toEqual(emitServiceTypes(logService(snapshot, "kms", createContext(snapshot)), ctx));
  });

  it("compiles, all six services' modules in one program, under strict without skipLibCheck", () => {
    expect(diagnostics(declarationFiles(written))).toEqual([]);
  });

  it("documents every declaration and every property (event members inherit CloudTrailRecord's)", () => {
    const p = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true, compilerOptions: { noLib: true } });
    const missing: string[] = [];
    let checked = 0;
    for (const file of declarationFiles(written)) {
      const sf = p.addSourceFileAtPath(file);
      const where = (n: Node) => `${file.slice(written.length + 1)}:${n.getStartLineNumber()}`;
      for (const d of [...sf.getInterfaces(), ...sf.getTypeAliases()]) {
        // An operation module's addition to its service's events map: documented where the event is declared.
        if (d.getFirstAncestorByKind(SyntaxKind.ModuleDeclaration)) continue;
        checked++;
        if (!d.getJsDocs().length) missing.push(`${where(d)} ${d.getName()}`);
        const inheritsDocs = Node.isInterfaceDeclaration(d) && /^(CloudTrailRecord|\$\.CloudTrailRecord|\$\.CloudTrailInsightsRecord)$/.test(d.getExtends()[0]?.getText() ?? "");
        for (const m of d.getDescendantsOfKind(SyntaxKind.PropertySignature)) {
          if (m.getFirstAncestorByKind(SyntaxKind.ConditionalType)) continue; // `E extends { requestParameters?: infer R }`
          if (m.getFirstAncestorByKind(SyntaxKind.MappedType)) continue; // AbsentKeys
          // `"" & { items?: undefined }`: a stand-in's absent keys, documented on the structure beside it.
          if (m.getTypeNode()?.getText() === "undefined" && m.getParent()?.getParent()?.getKind() === SyntaxKind.IntersectionType) continue;
          checked++;
          if (!m.getJsDocs().length && !(inheritsDocs && m.getParent() === d)) missing.push(`${where(m)} ${d.getName()}.${m.getName()}`);
        }
      }
      p.removeSourceFile(sf);
    }
    expect(missing.slice(0, 20), `${missing.length} without TSDoc`).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});

function declarationFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : /\.d\.m?ts$/.test(e.name) ? [join(d, e.name)] : []));
  return walk(dir).sort();
}

/** Every declaration file of a package made of `services` (paths relative to the types package). */
async function packageFiles(services: LoggedService[]): Promise<Map<string, string>> {
  const envelope = envelopeSchema(ctx.botocoreVersion);
  const entries = Object.fromEntries(services.map((s) => [s.name, entryOf(s)]));
  const files = new Map(services.flatMap((s) => emitServiceTypes(s, ctx)));
  for (const [p, t] of emitPackageTypes(buildManifest(ctx.botocoreVersion, entries), envelope, ctx)) files.set(p, t);
  files.set(...(await emitEnvelopeTypes(envelope, ctx)));
  return files;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
