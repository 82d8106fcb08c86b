/** The machine a run measured on, so every table says where its numbers came from. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGB: number;
  readonly node: string;
  readonly os: string;
  readonly chromium: string | null;
  readonly date: string;
  /** 1-minute load average when the run started: above ~0.5 means something else was busy. */
  readonly loadAtStart: number;
  /** Whether this environment sets NODE_EXTRA_CA_CERTS, which the bench unsets for every timed process (bench/child.ts). */
  readonly extraCaCerts?: boolean;
}

export function chromiumVersion(): string | null {
  try {
    return execFileSync('chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion(),
    date: new Date().toISOString(),
    loadAtStart: loadAverage(),
    extraCaCerts: process.env.NODE_EXTRA_CA_CERTS !== undefined,
  };
}

export const loadAverage = (): number => Math.round(os.loadavg()[0]! * 100) / 100;
