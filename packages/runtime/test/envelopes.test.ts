import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { codeOfAsync } from "./error-codes.js";
import { CloudTrailSchemaError, recordsOf, validateEvent } from "../src/index.js";
import { readLogFile, readLogStream } from "../src/node/index.js";
import { consoleLogin, eventBridge, iamCreatePolicy, stsAssumeRole } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "cloudtrail-runtime-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logFile = () => ({ Records: [iamCreatePolicy(), stsAssumeRole(), consoleLogin()] });

/** A CloudWatch Logs subscription delivery of CloudTrail records (base64 of gzip of JSON). */
const awslogs = (records: unknown[], extra: Record<string, unknown> = {}) => ({
  awslogs: {
    data: gzipSync(
      JSON.stringify({
        messageType: "DATA_MESSAGE",
        owner: "123456789012",
        logGroup: "aws-cloudtrail-logs-123456789012-1a2b3c4d",
        logStream: "123456789012_CloudTrail_eu-west-1",
        subscriptionFilters: ["to-lambda"],
        logEvents: records.map((r, i) => ({ id: String(37000000000000000000000000000000000000000000000000000000 + i), timestamp: 1718114607000, message: JSON.stringify(r) })),
        ...extra,
      }),
    ).toString("base64"),
  },
});

const collect = async (it: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const r of it) out.push(r);
  return out;
};


describe("recordsOf", () => {
  it.each([
    ["a raw record", () => iamCreatePolicy(), [iamCreatePolicy()]],
    ["a log file object", logFile, logFile().Records],
    ["an array of records", () => [iamCreatePolicy(), stsAssumeRole()], [iamCreatePolicy(), stsAssumeRole()]],
    ["an EventBridge CloudTrail event", () => eventBridge(iamCreatePolicy()), [iamCreatePolicy()]],
    ["an EventBridge sign-in event", () => ({ ...eventBridge(consoleLogin()), "detail-type": "AWS Console Sign In via CloudTrail" }), [consoleLogin()]],
    ["an EventBridge event of another kind", () => ({ ...eventBridge({ state: "running" }), "detail-type": "EC2 Instance State-change Notification" }), []],
    ["a CloudWatch Logs payload", () => awslogs([iamCreatePolicy(), stsAssumeRole()]), [iamCreatePolicy(), stsAssumeRole()]],
    ["a CloudWatch Logs control message", () => awslogs([], { messageType: "CONTROL_MESSAGE" }), []],
  ])("%s", (_name, input, want) => {
    const records = recordsOf(input());
    expect(records).toEqual(want);
    for (const r of records) expect(validateEvent(r).valid).toBe(true);
  });

  it.each([
    ["not base64 gzip", { awslogs: { data: "bm90IGd6aXA=" } }],
    ["gzip of something else", { awslogs: { data: gzipSync("[1,2]").toString("base64") } }],
    ["a message that is not JSON", { awslogs: { data: gzipSync(JSON.stringify({ messageType: "DATA_MESSAGE", logEvents: [{ message: "{" }] })).toString("base64") } }],
  ])("a CloudWatch Logs payload that cannot be decoded throws E_ENVELOPE: %s", (_name, input) => {
    expect(() => recordsOf(input)).toThrow(expect.objectContaining({ code: "E_ENVELOPE" }));
  });

  it("does not share arrays with its input", () => {
    const file = logFile();
    const records = recordsOf(file);
    records.pop();
    expect(file.Records).toHaveLength(3);
  });
});

describe("readLogFile", () => {
  it("reads .json and .json.gz files written as CloudTrail writes them", async () => {
    const text = JSON.stringify(logFile());
    writeFileSync(join(dir, "log.json"), text);
    writeFileSync(join(dir, "123456789012_CloudTrail_eu-west-1_20240611T1405Z_a1b2c3d4.json.gz"), gzipSync(text));
    expect(await collect(readLogFile(join(dir, "log.json")))).toEqual(logFile().Records);
    expect(await collect(readLogFile(join(dir, "123456789012_CloudTrail_eu-west-1_20240611T1405Z_a1b2c3d4.json.gz")))).toEqual(logFile().Records);
  });

  it("finds Records wherever it is among the top-level members, and skips the others", async () => {
    const text = `{"digest":{"a":[1,{"Records":[9]}],"b":"]}\\""},"Records":[{"k":"}]"},[1],"s",7,true,null],"after":{}}`;
    expect(await collect(readLogStream(Readable.from([text])))).toEqual([{ k: "}]" }, [1], "s", 7, true, null]);
  });

  it("gives the same records however the text is cut into chunks", async () => {
    const text = JSON.stringify({ Records: [iamCreatePolicy(), { s: 'quote " backslash \\ unicode é 😀', n: [1, 2, { x: null }] }, stsAssumeRole()] }, null, 1);
    const want = JSON.parse(text).Records;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 40 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length];
        const bytes = Buffer.from(text);
        // Cut the UTF-8 bytes, not the characters: a cut may fall inside a multi-byte character.
        const chunks = at.slice(1).map((end, i) => bytes.subarray(Math.floor((at[i]! / text.length) * bytes.length), Math.floor((end / text.length) * bytes.length)));
        expect(await collect(readLogStream(Readable.from(chunks)))).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ["empty", ""],
    ["not an object", "[1,2]"],
    ["no Records", '{"Other":[]}'],
    ["Records not an array", '{"Records":{}}'],
    ["cut short", '{"Records":[{"a":1},'],
    ["a record that is not JSON", '{"Records":[{"a":01}]}'],
    ["text after the end", '{"Records":[]} {}'],
  ])("a file that is not a log file throws E_ENVELOPE: %s", async (_name, text) => {
    expect(await codeOfAsync(collect(readLogStream(Readable.from([text]))))).toBe("E_ENVELOPE");
  });

  it("a corrupt .gz throws E_ENVELOPE", async () => {
    const gz = gzipSync(JSON.stringify(logFile()));
    writeFileSync(join(dir, "bad.json.gz"), gz.subarray(0, gz.length - 20));
    expect(await codeOfAsync(collect(readLogFile(join(dir, "bad.json.gz"))))).toBe("E_ENVELOPE");
  });

  it("refuses a record longer than the limit instead of holding it", async () => {
    const text = JSON.stringify({ Records: [{ big: "x".repeat(5000) }] });
    expect(await codeOfAsync(collect(readLogStream(Readable.from([text]), { maxRecordLength: 1000 })))).toBe("E_ENVELOPE");
  });
});
