/** cli/stubs/child-process.cjs: what commander gets for `node:child_process` in the built program. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const stub = createRequire(import.meta.url)('../../cli/stubs/child-process.cjs') as typeof import('node:child_process');

describe('the lazy child_process commander is given', () => {
  it('is child_process itself once used', () => {
    const run = stub.spawnSync(process.execPath, ['-e', 'process.stdout.write("ran")']);
    expect(run.status).toBe(0);
    expect(String(run.stdout)).toBe('ran');
    expect(typeof stub.spawn).toBe('function');
    expect('execFileSync' in stub).toBe(true);
    expect('noSuchFunction' in stub).toBe(false);
  });
});
