/**
 * Synthesizes the real stack the way `cdk synth` does: cdk.json's feature flags, cdk-nag's
 * AwsSolutions and NIST 800-53 R5 checks registered on the app (a finding fails synthesis), esbuild bundling.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PROJECT_ROOT } from '../../infra/bundling';
import { BriefingStack, type BriefingContext } from '../../infra/briefing-stack';
import { addNagChecks } from '../../infra/nag';

export interface Synthesized {
  readonly app: App;
  readonly stack: BriefingStack;
  readonly template: Template;
  readonly outdir: string;
}

/**
 * `extend` may add to the stack before synthesis (e.g. a deliberate nag violation). `bundle:
 * false` skips esbuild (`aws:cdk:bundling-stacks`) when only the resources matter.
 */
export function synthStack(context: BriefingContext = {}, extend?: (stack: BriefingStack) => void, options: { bundle?: boolean } = {}): Synthesized {
  const flags = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  const app = new App({ outdir, context: { ...flags, ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}) } });
  addNagChecks(app);
  const stack = new BriefingStack(app, 'BriefingTest', { context });
  extend?.(stack);
  return { app, stack, template: Template.fromStack(stack), outdir };
}
