/** How human output is laid out for a stream: shared by the dispatcher (run.ts) and the fast lookup (fast-lookup.ts). */
import type { View } from "./command.js";
import { ansi, plain, wantsColor } from "./render/style.js";

export function viewOf(stream: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): View {
  // Terminal width on a terminal; a fixed width otherwise, so piped output does not depend on the window.
  const width = stream.isTTY && stream.columns ? Math.min(stream.columns, 120) : 100;
  return { width, style: wantsColor(stream, env) ? ansi : plain };
}
