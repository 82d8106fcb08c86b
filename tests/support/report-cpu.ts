/**
 * Preloaded into CLI child processes by `runCli`: on exit, writes the process's own CPU time
 * (user + system, microseconds) to the file named by BRIEFING_TEST_CPU_REPORT. CPU time is
 * what a command costs; wall time on a shared 2-core machine mostly measures the neighbours.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BRIEFING_TEST_CPU_REPORT;
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ user, system }));
  });
}
