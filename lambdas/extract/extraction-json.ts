/**
 * An Extraction as the figures JSON is written everywhere: the extract stage, `briefing extract`
 * and `briefing batch`. A module of its own, importing types only, so that a command can print
 * the JSON without loading the extractor before it needs it (tests/cli/lazy-loading.test.ts).
 */
import type { Extraction } from './types';

export const extractionJson = (extraction: Extraction): string => `${JSON.stringify(extraction, null, 2)}\n`;
