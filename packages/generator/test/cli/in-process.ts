/** Run the CLI in this process (src/cli/run.ts), capturing what it writes, for the command tests. */
import { run } from "../../src/cli/run.js";

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const status = await run({
    argv,
    env: { ...env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { status, stdout, stderr };
}
