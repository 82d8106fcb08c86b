/**
 * The local queues take as long to bring a failure back as the deployed stack does: the same
 * function timeouts, visibility timeouts and receive count as infra/'s defaults.
 */
import { describe, expect, it } from 'vitest';
import { resolveSettings, VISIBILITY_FACTOR } from '../../infra/briefing-pipeline';
import { DEFAULT_MAX_TRIES, STAGE_TIMINGS } from '../../local/pipeline';
import { DEFAULT_MAX_RECEIVE_COUNT } from '../../lambdas/handlers/stage';

describe('local timings', () => {
  it('match the deployed stack defaults', () => {
    const settings = resolveSettings({});
    for (const [stage, timeout] of [['extract', settings.extractTimeout], ['render', settings.renderTimeout], ['event', settings.eventTimeout]] as const) {
      expect(STAGE_TIMINGS[stage].invocationTimeoutMs, stage).toBe(timeout.toMilliseconds());
      expect(STAGE_TIMINGS[stage].visibilityTimeoutMs, stage).toBe(timeout.toMilliseconds() * VISIBILITY_FACTOR);
    }
    expect(DEFAULT_MAX_TRIES).toBe(settings.maxReceiveCount);
    expect(DEFAULT_MAX_RECEIVE_COUNT).toBe(settings.maxReceiveCount);
  });
});
