/**
 * Preloaded into a measured child (`node --import tsx --import ./bench/cpu-usage.ts …`): at exit
 * it writes the process's CPU time, all threads together, to the file named by BENCH_CPU_FILE,
 * so the bench can tell "CPU per briefing" from "waiting", without touching the child's output.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_CPU_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // userCPUTime and systemCPUTime are in microseconds; maxRSS in kilobytes.
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024 }));
  });
}
