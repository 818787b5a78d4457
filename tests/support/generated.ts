// Generated bad input: a seeded random source (the same cases every run) and
// texts that break things, shared by the tests that send many bad requests.

/** Deterministic: the same sequence for the same seed (xorshift32). */
export function generator(seed: number) {
  let x = seed >>> 0;
  const random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return { random, pick };
}

/** Byte sequences that are not UTF-8 (overlong, surrogates, past U+10FFFF, cut short), percent-encoded as in a URL; '%', '%G1' and '%%' are broken escapes. */
export const BROKEN_UTF8 = ['%FF', '%FE%FF', '%C3%28', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%E2%82', '%', '%G1', '%%'];

/** The bytes of the BROKEN_UTF8 sequences that are escapes (the broken escapes left out). */
export const BROKEN_UTF8_BYTES: Uint8Array[] = BROKEN_UTF8.filter((s) => /^(%[0-9A-F]{2})+$/.test(s)).map((s) => Uint8Array.from(s.slice(1).split('%'), (h) => parseInt(h, 16)));

/** An agreement's free-text fields, as the API and the forms take them: the generated bad writes and posts break each. */
export const AGREEMENT_TEXT_FIELDS = ['officialTitle', 'term', 'renewalRule', 'funding', 'responsibleUnit', 'summary', 'summaryEn'] as const;
