/**
 * The model diff on two real botocore releases (1.29.27 and 1.43.117, trimmed: fixtures/botocore/README.md),
 * and on small hand-made log models for the cases the releases do not show.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoggedService, LogType } from "../../packages/generator/src/log-model.js";
import { readSource, writeSnapshot } from "../import-botocore.js";
import { diffModels, renderReport, type ModelChange, type ModelDiff, type ModelSet } from "../model-diff.js";
import { insertReport, modelSetOf } from "../update-models.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "botocore");
let work: string;
let older: ModelSet;
let newer: ModelSet;
let diff: ModelDiff;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "model-diff-"));
  for (const v of ["1.29.27", "1.43.117"]) writeSnapshot(readSource(join(FIXTURES, v)), join(work, v));
  older = modelSetOf(join(work, "1.29.27"));
  newer = modelSetOf(join(work, "1.43.117"));
  diff = diffModels(older, newer);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const find = (q: Partial<ModelChange>) => diff.changes.filter((c) => Object.entries(q).every(([k, v]) => c[k as keyof ModelChange] === v));

describe("diffModels on botocore 1.29.27 -> 1.43.117", () => {
  it("names the versions", () => {
    expect([diff.from, diff.to]).toEqual(["1.29.27", "1.43.117"]);
  });

  it("finds the service added and the service removed", () => {
    expect(find({ kind: "service-added" }).map((c) => c.service)).toEqual(["cloudtrail-data"]);
    expect(find({ kind: "service-removed" })).toEqual([expect.objectContaining({ service: "elastic-inference", impact: "major", breaks: "compile" })]);
  });

  it("finds the operations added, and none removed", () => {
    expect(find({ kind: "operation-added" }).map((c) => `${c.service}.${c.operation}`)).toEqual([
      "chime-sdk-messaging.PutChannelExpirationSettings",
      "cur.ListTagsForResource",
      "cur.TagResource",
      "cur.UntagResource",
      "discovery.BatchDeleteAgents",
      "s3.CreateSession",
    ]);
    expect(find({ kind: "operation-removed" })).toEqual([]);
  });

  it("finds fields added and removed, at their CloudTrail paths", () => {
    expect(find({ kind: "field-added", service: "discovery", operation: "StartExportTask" }).map((c) => c.path)).toEqual(["requestParameters.preferences"]);
    expect(find({ kind: "field-added", service: "s3", operation: "PutObject" }).map((c) => c.path)).toContain("requestParameters.x-amz-checksum-crc64nvme");
    expect(find({ kind: "field-removed" }).map((c) => `${c.operation} ${c.path}`)).toEqual([
      "UpdateChannelReadMarker requestParameters.subChannelId",
      "UpdateChannelReadMarker responseElements.subChannelId",
    ]);
  });

  it("rates a changed type as breaking compilation: s3 PutObject's Expires, timestamp -> string", () => {
    expect(find({ kind: "type-changed" })).toEqual([
      expect.objectContaining({ service: "s3", operation: "PutObject", path: "requestParameters.Expires", impact: "major", breaks: "compile", detail: expect.stringMatching(/^timestamp.* -> string/) }),
    ]);
  });

  it("rates narrowing as major: an enum value removed, a member newly required", () => {
    expect(find({ kind: "enum-removed" })).toEqual([
      expect.objectContaining({ service: "discovery", operation: "StartExportTask", path: "requestParameters.exportDataFormat[]", detail: "GRAPHML", impact: "major", breaks: "strict" }),
    ]);
    expect(find({ kind: "required-added" })).toEqual([
      expect.objectContaining({ service: "cur", operation: "DeleteReportDefinition", path: "requestParameters.reportName", impact: "major" }),
    ]);
  });

  it("rates additions minor and tightened patterns minor, and proposes major overall", () => {
    for (const c of diff.changes) {
      expect(c.impact, `${c.kind} ${c.service}.${c.operation} ${c.path}`).toBe(
        ["service-removed", "operation-removed", "event-name-removed", "field-removed", "type-changed", "enum-removed", "required-added"].includes(c.kind) ? "major" : "minor",
      );
    }
    expect(find({ kind: "constraint-narrowed", service: "discovery" }).length).toBeGreaterThan(0);
    expect(diff.bump).toBe("major");
  });

  it("counts documentation changes per service", () => {
    expect(Object.keys(diff.docChanges).sort()).toEqual(["chime-sdk-messaging", "cur", "discovery", "s3"]);
  });

  it("the other way round, what was added is removed", () => {
    const back = diffModels(newer, older);
    expect(back.changes.filter((c) => c.kind === "operation-removed").length).toBe(find({ kind: "operation-added" }).length);
    expect(back.changes.filter((c) => c.kind === "service-removed").map((c) => c.service)).toEqual(["cloudtrail-data"]);
    expect(back.bump).toBe("major");
  });
});

describe("the semver proposal", () => {
  const only = (set: ModelSet, names: string[]): ModelSet => ({ ...set, services: new Map([...set.services].filter(([n]) => names.includes(n))) });

  it("minor when a service is only added; major as soon as one change narrows", () => {
    expect(diffModels(only(older, []), only(newer, ["cloudtrail-data"])).bump).toBe("minor");
    // cur adds three operations, but its ReportName became required.
    expect(diffModels(only(older, ["cur"]), only(newer, ["cur", "cloudtrail-data"])).bump).toBe("major");
  });

  it("patch when only documentation changed, none when nothing did", () => {
    const svc = newer.services.get("cloudtrail-data")!.load();
    const withDoc = (doc: string): ModelSet => ({
      botocoreVersion: "x",
      services: new Map([["cloudtrail-data", { fingerprint: doc, load: () => ({ ...svc, operations: svc.operations.map((o) => ({ ...o, doc })) }) }]]),
    });
    const patch = diffModels(withDoc("old words"), withDoc("new words"));
    expect(patch.changes).toEqual([]);
    expect(patch.docChanges).toEqual({ "cloudtrail-data": svc.operations.length });
    expect(patch.bump).toBe("patch");
    expect(diffModels(newer, newer).bump).toBe("none");
  });
});

describe("on hand-made log models", () => {
  const service = (request: LogType, defs: Record<string, LogType> = {}): LoggedService => ({
    name: "demo",
    eventSource: "demo.amazonaws.com",
    apiVersion: "2020-01-01",
    protocol: "json",
    serviceFullName: "Demo",
    serviceId: "Demo",
    defs,
    operations: [{ name: "Put", eventNames: ["Put"], request, response: null, readOnly: false }],
  });
  const set = (svc: LoggedService, fingerprint: string): ModelSet => ({ botocoreVersion: fingerprint, services: new Map([["demo", { fingerprint, load: () => svc }]]) });
  const obj = (fields: Record<string, LogType>, required: string[] = []): LogType => ({
    kind: "object",
    fields: Object.entries(fields).map(([name, type]) => ({ name, type, required: required.includes(name) })),
  });

  it("integer <-> number is no type change (both are number in TypeScript); string -> boolean is", () => {
    const d = diffModels(set(service(obj({ a: { kind: "integer" }, b: { kind: "string" } })), "1"), set(service(obj({ a: { kind: "number" }, b: { kind: "boolean" } })), "2"));
    expect(d.changes.map((c) => [c.path, c.kind, c.detail])).toEqual([
      ["requestParameters.b", "type-changed", "string -> boolean"],
      ["requestParameters.a", "constraint-widened", "integer -> number"],
    ]);
  });

  it("terminates on recursive definitions and compares each once per operation", () => {
    const tree = (extra: Record<string, LogType>): LoggedService =>
      service({ kind: "ref", def: "Node" }, { Node: { kind: "object", shape: "Node", fields: [{ name: "children", type: { kind: "array", items: { kind: "ref", def: "Node" } }, required: false }, ...Object.entries(extra).map(([name, type]) => ({ name, type, required: false }))] } });
    const d = diffModels(set(tree({}), "1"), set(tree({ label: { kind: "string", enum: ["A"] } }), "2"));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "field-added", path: "requestParameters.label", owner: "Node" })]);
  });

  it("rates enum and length changes by direction", () => {
    const s = (e: string[], max: number) => service(obj({ k: { kind: "string", enum: e, max } }));
    const d = diffModels(set(s(["A", "B"], 10), "1"), set(s(["B", "C"], 5), "2"));
    expect(d.changes.map((c) => [c.kind, c.detail, c.impact])).toEqual([
      ["enum-removed", "A", "major"],
      ["enum-added", "C", "minor"],
      ["constraint-narrowed", "max 10 -> 5", "minor"],
    ]);
  });
});

describe("renderReport", () => {
  it("is deterministic: the same text whatever order the services come in", () => {
    const reversed = (s: ModelSet): ModelSet => ({ ...s, services: new Map([...s.services].reverse()) });
    expect(renderReport(diffModels(reversed(older), reversed(newer)))).toBe(renderReport(diff));
  });

  it("heads with the versions and the bump, lists breaking changes first, one line for a shared shape", () => {
    const text = renderReport(diff);
    const lines = text.split("\n");
    expect(lines[0]).toBe("### Models: botocore 1.29.27 -> 1.43.117");
    expect(lines[2]).toMatch(/^Proposed version bump: \*\*major\*\* \(6 breaking, \d+ minor changes; 4 services changed, \d+ documentation strings\)\.$/);
    const headings = lines.filter((l) => l.startsWith("#### "));
    expect(headings.slice(0, 4)).toEqual([
      "#### Breaking: removed",
      "#### Breaking: type changed",
      "#### Breaking: narrowed (enum values removed, members newly required)",
      "#### Added",
    ]);
    expect(lines).toContain("- `s3.PutObject` `requestParameters.Expires`: type changed (timestamp | array of timestamp -> string | array of string)");
    expect(lines).toContain("- `elastic-inference`: service removed, 6 operations (Amazon Elastic  Inference)");
    // ReportStatus is shared by three operations' responses: one line that names them.
    expect(lines.filter((l) => l.includes("reportStatus"))).toEqual([
      "- `cur` `responseElements.reportDefinitions[].reportStatus` in DescribeReportDefinitions, ModifyReportDefinition, PutReportDefinition: field added (object (ReportStatus))",
    ]);
  });
});

describe("renderReport on many changes", () => {
  it("lists at most five tightened constraints a service, then counts the rest; breaking changes are never cut", () => {
    const fields = (max: number) =>
      Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, { kind: "string", max } as LogType]));
    const svc = (max: number, extra: Record<string, LogType>): LoggedService => ({
      name: "demo",
      eventSource: "demo.amazonaws.com",
      apiVersion: "1",
      protocol: "json",
      serviceFullName: "Demo",
      serviceId: "Demo",
      defs: {},
      operations: [{ name: "Put", eventNames: ["Put"], request: { kind: "object", fields: Object.entries({ ...fields(max), ...extra }).map(([name, type]) => ({ name, type, required: false })) }, response: null, readOnly: false }],
    });
    const gone = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`g${i}`, { kind: "boolean" } as LogType]));
    const set = (s: LoggedService, v: string): ModelSet => ({ botocoreVersion: v, services: new Map([["demo", { fingerprint: v, load: () => s }]]) });
    const lines = renderReport(diffModels(set(svc(10, gone), "1"), set(svc(5, {}), "2"))).split("\n");
    expect(lines.filter((l) => l.includes("field removed"))).toHaveLength(7);
    expect(lines.filter((l) => l.includes("narrowed (max 10 -> 5)"))).toHaveLength(5);
    expect(lines).toContain("- `demo`: 3 more");
  });
});

describe("insertReport", () => {
  const report = "### Models: botocore 1 -> 2\n\nProposed version bump: **minor**\n";
  it("puts the report first under [Unreleased]", () => {
    const out = insertReport("# Changelog\n\n## [Unreleased]\n\n### Models: botocore 0 -> 1\n\n## [0.1.0] - 2026-12-04\n", report);
    expect(out).toBe("# Changelog\n\n## [Unreleased]\n\n### Models: botocore 1 -> 2\n\nProposed version bump: **minor**\n\n### Models: botocore 0 -> 1\n\n## [0.1.0] - 2026-12-04\n");
  });
  it("adds [Unreleased] above the latest release when missing", () => {
    expect(insertReport("# Changelog\n\n## [0.1.0] - 2026-12-04\n", report)).toBe(
      "# Changelog\n\n## [Unreleased]\n\n### Models: botocore 1 -> 2\n\nProposed version bump: **minor**\n\n## [0.1.0] - 2026-12-04\n",
    );
  });
  it("refuses a file with no release heading", () => {
    expect(() => insertReport("# Notes\n", report)).toThrow("neither `## [Unreleased]` nor a release heading");
  });
});
