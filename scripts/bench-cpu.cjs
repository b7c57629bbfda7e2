// Preloaded by scripts/bench-lib.ts (`node -r`): report the process's own CPU time (user + system, ms) at
// exit on stderr, a measure that a busy shared machine disturbs less than wall-clock time.
process.on("exit", () => {
  const u = process.cpuUsage();
  process.stderr.write(`\n@cpu-ms:${((u.user + u.system) / 1000).toFixed(2)}\n`);
});
