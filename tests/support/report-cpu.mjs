/**
 * Preloaded into a measured child process (`node --import <this file> …`) by the CLI tests
 * (tests/support/cli.ts) and the bench (bench/throughput.ts): at exit it writes the process's
 * CPU time, all threads together, and its peak RSS to the file named by BRIEFING_CPU_REPORT,
 * without touching the child's output. CPU time is what a command costs; wall time on a shared
 * machine mostly measures the neighbours. Plain JavaScript, so the child needs no TypeScript loader.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BRIEFING_CPU_REPORT;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // userCPUTime and systemCPUTime are in microseconds; maxRSS in kilobytes.
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024 }));
  });
}
