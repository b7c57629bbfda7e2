/**
 * `node scripts/publint-tarball.mjs <tarball> [level]`: publint's messages on a packed tarball, printed as a
 * JSON array of `"<type> <code>: <message>"` (level `suggestion` by default, strict). A process of its own:
 * on the types package's 28,000 files publint works for a minute, which would block the event loop of its
 * caller (the release script inside a test worker, the package tests).
 */
import { readFileSync } from "node:fs";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const [tarball, level = "suggestion"] = process.argv.slice(2);
if (!tarball) {
  console.error("usage: node scripts/publint-tarball.mjs <tarball> [suggestion|warning|error]");
  process.exit(2);
}
const bytes = readFileSync(tarball);
const { messages, pkg } = await publint({
  pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
  level,
  strict: true,
});
console.log(JSON.stringify(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`)));
