// Identity keys: normalised titles and author names (Unicode, case, spacing), and the Hugging Face handle rule.
// Pure and idempotent: normalise(normalise(x)) === normalise(x).

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Title key: Unicode-folded, lower case, punctuation as spaces, single spaces. */
export function normaliseTitle(title: string): string {
  return fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Author key: Unicode-folded, lower case, dots/commas/hyphen runs kept as single spaces, trimmed. */
export function normaliseName(name: string): string {
  return fold(name).replace(/[.,;:'"`’()]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A Hugging Face user handle rather than a person's name: one token with no space (`yjyjyj98`, `Wanfq`,
 * `ZonglinY`, `nm-w`). Person names in these sources always have at least two words.
 */
export function isHandle(name: string): boolean {
  return !/\s/.test(name.trim());
}

/** Display form of an author: whitespace collapsed, stray punctuation at the ends removed. */
export function displayName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/^[\s,.;:]+|[\s,;:]+$/g, '').trim();
}
