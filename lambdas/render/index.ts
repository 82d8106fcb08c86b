import { BriefingError } from '../core/errors';
import type { Extraction } from '../extract/types';

export interface RenderOptions {
  /** Handlebars source of a user's template; the bundled `templates/briefing.hbs` otherwise. */
  readonly template?: string;
  /** Where `template` came from, for error messages ("my.hbs:12: …"). */
  readonly templateName?: string;
  /** Write PDF/A-2b metadata and the sRGB output intent. */
  readonly pdfa?: boolean;
}

/** Extraction → briefing PDF bytes. Placeholder until issue 5. */
export async function renderBriefing(_extraction: Extraction, _options: RenderOptions = {}): Promise<Uint8Array> {
  throw new BriefingError('render', 'not_implemented', 'rendering is not implemented yet', { permanent: false });
}
