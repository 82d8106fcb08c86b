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
    expect(STAGE_TIMINGS.extract.invocationTimeoutMs).toBe(settings.extractTimeout.toMilliseconds());
    expect(STAGE_TIMINGS.render.invocationTimeoutMs).toBe(settings.renderTimeout.toMilliseconds());
    expect(STAGE_TIMINGS.extract.visibilityTimeoutMs).toBe(settings.extractTimeout.toMilliseconds() * VISIBILITY_FACTOR);
    expect(STAGE_TIMINGS.render.visibilityTimeoutMs).toBe(settings.renderTimeout.toMilliseconds() * VISIBILITY_FACTOR);
    expect(DEFAULT_MAX_TRIES).toBe(settings.maxReceiveCount);
    expect(DEFAULT_MAX_RECEIVE_COUNT).toBe(settings.maxReceiveCount);
  });
});
