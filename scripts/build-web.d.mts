/** Types of scripts/build-web.mjs (plain JavaScript so `npm start` builds the page without a TypeScript loader). */
export declare const WEB_DIST: string;
export declare function buildWeb(outdir?: string): Promise<void>;
