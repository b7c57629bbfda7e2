/** Runs a script's `main(argv, io)` in process and captures what it prints: the scripts' command-line tests. */
export type Io = { out: (s: string) => void; err: (s: string) => void };
export type Main = (argv: string[], io: Io) => Promise<number>;

export function capturing(main: Main) {
  return async (...args: string[]): Promise<{ status: number; out: string; err: string }> => {
    let out = "";
    let err = "";
    const status = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { status, out, err };
  };
}
