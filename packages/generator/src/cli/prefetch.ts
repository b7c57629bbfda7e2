/**
 * Start reading and decompressing the model a lookup is about to need, on libuv's thread pool, before
 * the CLI's code is even compiled: `cloudtrail-schema ec2.RunInstances` spends ~8 ms inflating ec2's
 * model, which then overlaps the main thread's work instead of following it.
 *
 * Only a guess from the first word (`iam` of `iam.CreatePolicy.output`); run.ts uses the bytes only if
 * the snapshot's manifest names the same file, and reads the usual way otherwise. Never throws.
 */
import { readFile } from "node:fs";
import { join } from "node:path";
import { defaultSnapshotDir, gunzipOptions, type Snapshot } from "../load.js";

export interface Prefetch {
  service: string;
  file: string;
  /** The decompressed model, or undefined when the guess was wrong or the read failed. */
  bytes: Promise<Buffer | undefined>;
}

/** The word a lookup names its service by: the first that is neither an option nor an option's value. */
export function guessService(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--format" || a === "-f") i++;
    else if (a === "show" || a === "--") continue;
    else if (!a.startsWith("-")) {
      const service = a.split(".")[0]!;
      return /^[a-z0-9-]+$/.test(service) ? service : undefined;
    }
  }
  return undefined;
}

export function prefetch(argv: readonly string[]): Prefetch | undefined {
  const service = guessService(argv);
  if (!service) return undefined;
  let file: string;
  try {
    file = join(defaultSnapshotDir(), `${service}.json.gz`);
  } catch {
    return undefined;
  }
  const bytes = new Promise<Buffer | undefined>((done) => {
    readFile(file, (err, gz) => {
      if (err) return done(undefined);
      process.getBuiltinModule("node:zlib").gunzip(gz, gunzipOptions(gz), (e, out) => done(e ? undefined : out));
    });
  });
  return { service, file, bytes };
}

/** The snapshot, answering `readBytes` from the prefetched model when it is the file the manifest names. */
export function withPrefetched(snapshot: Snapshot, early: { service: string; file: string; bytes: Buffer | undefined } | undefined): Snapshot {
  if (!early?.bytes || !snapshot.services.includes(early.service) || snapshot.file(early.service) !== early.file) return snapshot;
  const { service, bytes } = early;
  return { ...snapshot, readBytes: (s) => (s === service ? bytes : snapshot.readBytes(s)) };
}
