/**
 * Which template an upload is briefed with, and how its outputs record it. The article's S3
 * metadata `template` names one, else a key prefix the stack maps to one, else the default.
 * The extract stage records the choice on `figures/…json` (`template`, `template-sha256`), the
 * render stage renders with it and records the same on the PDF; both count an output as done
 * only when it records the source ETag *and* the template's hash, so a changed template
 * re-renders and an unchanged one does not.
 */
import { TEMPLATE_PREFIXES_ENV } from '../contract/names';
import { chooseTemplate, deployedTemplates, type Template, type TemplateStore } from '../template/load';
import type { HandlerDeps } from './stage';
import type { ObjectHead } from './s3-io';

/** User metadata naming the template (`x-amz-meta-template: flash`). */
export const TEMPLATE_METADATA = 'template';
/** User metadata recording the template's content hash on every output. */
export const TEMPLATE_HASH_METADATA = 'template-sha256';

export interface TemplateChoice {
  readonly store: TemplateStore;
  readonly prefixes: Readonly<Record<string, string>>;
}

export const templateChoiceOf = (deps: HandlerDeps): TemplateChoice =>
  ({ store: deps.templates ?? deployedTemplates(), prefixes: deps.templatePrefixes ?? {} });

/** The template name an object asks for; `key` is the article's key (or the figures key without `figures/`). */
export const templateNameFor = (choice: TemplateChoice, key: string, head: ObjectHead): string =>
  chooseTemplate(key, head.metadata[TEMPLATE_METADATA], choice.prefixes);

/**
 * What the outputs of this object record about its template. Never throws: an unknown name
 * records `unknown`, so its error record stands until the template is deployed.
 */
export function templateFingerprint(choice: TemplateChoice, name: string): Record<string, string> {
  let sha256 = 'unknown';
  try {
    sha256 = choice.store.get(name).sha256;
  } catch {
    // produce() asks the store again and turns the failure into an error record or a retry.
  }
  return { [TEMPLATE_METADATA]: name, [TEMPLATE_HASH_METADATA]: sha256 };
}

/** The template itself; an unknown name is a permanent error naming the deployed ones. */
export const templateOf = (choice: TemplateChoice, fingerprint: Readonly<Record<string, string>>): Template =>
  choice.store.get(fingerprint[TEMPLATE_METADATA]!);

/** `TEMPLATE_PREFIXES` as a map; absent → none. A malformed value fails the container at start. */
export function templatePrefixesFromEnv(): Record<string, string> {
  const raw = process.env[TEMPLATE_PREFIXES_ENV];
  if (!raw) return {};
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`${TEMPLATE_PREFIXES_ENV} must be a JSON object of key prefix → template name, got ${raw}`);
  }
  return value as Record<string, string>;
}
