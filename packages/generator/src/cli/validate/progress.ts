/**
 * `validate`'s progress bar: one line on stderr, redrawn ten times a second, erased at the end. Only on a
 * terminal and never in CI (`CI` set), so logs and pipes get the summary alone.
 */
export interface Progress {
  add(bytes: number, records: number): void;
  done(): void;
}

const NONE: Progress = { add: () => {}, done: () => {} };

export function progressBar(
  stream: { write(s: string): unknown; isTTY?: boolean; columns?: number } | undefined,
  env: Readonly<Record<string, string | undefined>>,
  totalBytes: number,
): Progress {
  if (!stream?.isTTY || env.CI || totalBytes === 0) return NONE;
  let bytes = 0;
  let records = 0;
  const t0 = Date.now();
  const draw = () => {
    const f = Math.min(1, bytes / totalBytes);
    const s = (Date.now() - t0) / 1000;
    const rate = s > 0 ? Math.round(records / s).toLocaleString("en-US") : "0";
    const text = ` ${(f * 100).toFixed(0).padStart(3)}%  ${mb(bytes)}/${mb(totalBytes)}  ${records.toLocaleString("en-US")} records  ${rate}/s`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - text.length - 4));
    const full = Math.round(f * width);
    stream.write(`\r[${"#".repeat(full)}${"-".repeat(width - full)}]${text}\x1b[K`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    add(b, r) {
      bytes += b;
      records += r;
    },
    done() {
      clearInterval(timer);
      stream.write("\r\x1b[K");
    },
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
