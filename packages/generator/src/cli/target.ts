/**
 * What `cloudtrail-schema show` is asked about: `iam`, `iam.CreatePolicy`, `iam.CreatePolicy.output`,
 * or the same as separate words (`iam CreatePolicy output`).
 */
import { GeneratorError } from "../errors.js";
import type { Part } from "./render/operation.js";
import { closeMatches } from "./suggest.js";

export interface Target {
  service?: string;
  operation?: string;
  /** Both parts when absent. */
  part?: Part;
}

/** Every spelling of a part: botocore's (`input`), CloudTrail's (`requestParameters`) and plain words. */
const PARTS: Record<string, Part> = {
  input: "input",
  request: "input",
  requestparameters: "input",
  output: "output",
  response: "output",
  responseelements: "output",
};

export function parseTarget(words: readonly string[]): Target {
  const segments = words.flatMap((w) => w.split("."));
  const text = words.join(" ");
  if (segments.some((s) => s === "")) {
    throw new GeneratorError("E_USAGE", `"${text}" has an empty name; write SERVICE, SERVICE.OPERATION or SERVICE.OPERATION.input|output`);
  }
  if (segments.length > 3) {
    throw new GeneratorError("E_USAGE", `"${text}" has ${segments.length} parts; write SERVICE, SERVICE.OPERATION or SERVICE.OPERATION.input|output`);
  }
  const [service, operation, partWord] = segments;
  const t: Target = {};
  if (service !== undefined) t.service = service;
  if (operation !== undefined) t.operation = operation;
  if (partWord !== undefined) {
    const part = PARTS[partWord.toLowerCase()];
    if (!part) {
      const near = closeMatches(partWord, ["input", "output"]);
      throw new GeneratorError(
        "E_USAGE",
        `"${partWord}" is not a part of an operation; write input (requestParameters) or output (responseElements)`,
        near.map((p) => formatTarget({ ...t, part: p as Part })),
      );
    }
    t.part = part;
  }
  return t;
}

export function formatTarget(t: Target): string {
  return [t.service, t.operation, t.part].filter((x) => x !== undefined).join(".");
}
