/**
 * Photo captions that arrive inline with the body (wire copy pasted from a web page, Markdown
 * notes). They describe a picture, often with its own figures ("home to some three million
 * people"), so they are kept apart: a caption's numbers must not become the article's.
 */
import { asciiLettersOnly, letterPattern } from '../core/letter-patterns';

/** Agencies and picture desks whose credit closes a caption. */
const AGENCY = '(?:AFP|AP|EPA(?:-EFE)?|Reuters|REUTERS|Getty Images|ANADOLU(?: AGENCY)?|Anadolu Agency|Xinhua|SANA|UNICEF|UNHCR|UNRWA|WFP|ICRC|Handout|HANDOUT)';

const CAPTION_PATTERNS: readonly RegExp[] = [
  // "(FILES) In this file photo …", "(FILE PHOTO) …", "FILE PHOTO: …"
  /^\((?:FILES?|FILE PHOTO|ARCHIVES?)\)/,
  /^FILE PHOTO\b/,
  // "Photo: …", "Pictured: …", "Caption: …"
  /^(?:photo|photograph|picture|pictured|image|caption|photo caption)\s*:/i,
  // "In this photo taken on …", "In this handout picture released by …"
  /^in this (?:file |handout |undated |aerial )?(?:photo|photograph|picture|image|handout)\b/i,
  // "… (AFP Photo)", "… (AFP Photo / Name)", "… (Photo: Reuters)", "… (Photo by Name/Getty Images)"
  new RegExp(`\\((?:${AGENCY}\\s+(?:photo|picture)|photo(?:graph)?\\s*(?::|by|credit)|image\\s*(?::|by|credit))[^)]*\\)\\.?$`, 'i'),
  // "… AFP PHOTO / NAME"
  new RegExp(`\\b${AGENCY} PHOTO\\b[^.]*$`),
];

/** Credits that name a photographer, read with ASCII classes where the caption's letters allow it. */
const CREDIT_PATTERNS: ReadonlyArray<(asciiOnly: boolean) => RegExp> = [
  // "… / AFP / OMAR HAJ KADOUR", "… / AFP"
  letterPattern(`\\s/\\s*${AGENCY}(?:\\s*/\\s*[\\p{Lu}][\\p{Lu}\\p{Ll} .'-]*)?\\.?$`, 'u'),
  // "… REUTERS/Khalil Ashawi"
  letterPattern(String.raw`\bREUTERS\/\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)*\.?$`, 'u'),
];

export function isCaption(paragraph: string): boolean {
  if (CAPTION_PATTERNS.some((pattern) => pattern.test(paragraph))) return true;
  const ascii = asciiLettersOnly(paragraph);
  return CREDIT_PATTERNS.some((pattern) => pattern(ascii).test(paragraph));
}

/** Splits normalised paragraphs into body and captions, keeping the order of each. */
export function separateCaptions(paragraphs: readonly string[]): { body: string[]; captions: string[] } {
  const body: string[] = [];
  const captions: string[] = [];
  for (const paragraph of paragraphs) (isCaption(paragraph) ? captions : body).push(paragraph);
  return { body, captions };
}
