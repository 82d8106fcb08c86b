/**
 * Last tidy of a card label. Labels are read off the words around a number, so a phrase can
 * stop on a preposition ("dead from heat-related illness across") or begin with a qualifier
 * that belongs to another number ("at least °C"); a card shows neither.
 */
const DANGLING_END = /\s+(?:across|in|of|at|for|from|on|with|to|by|near|into|over|under|than|the|a|an|and|or|but|least|most|some)$/i;
const QUALIFIER_START = /^(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|about|around|nearly|almost|some|over|between)\s+/i;

export function tidyLabel(label: string): string {
  let out = label.trim();
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(DANGLING_END, '').replace(QUALIFIER_START, '').trim();
  }
  return out;
}
