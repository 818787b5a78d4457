// A delegation is recognised by its name and by the names of the persons
// who lead it, as different bodies write them: the same words in another
// case, with other spaces, or in full-width letters (ＸＩＡＮ). The keys
// compare them so: Unicode NFKC (full width to normal width, compatibility
// forms to their usual ones), lower case, runs of white space as one space,
// trimmed. Chinese names stay as written: 李明 and Li Ming are not matched,
// as nobody can tell from the letters alone that they are the same person.
// A name's key and a person's key never meet (prefixes `d:` and `p:`).

/** The comparable form of a name: NFKC, lower case, one space between words. */
export function normalisedName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The keys a record is matched by: its delegation's name and each leading person. */
export function delegationKeys({ delegationName, delegationPersons }: { delegationName?: string | null; delegationPersons?: readonly string[] | null }): string[] {
  const keys = [
    ...(delegationName && normalisedName(delegationName) ? [`d:${normalisedName(delegationName)}`] : []),
    ...(delegationPersons ?? []).map(normalisedName).filter(Boolean).map((n) => `p:${n}`),
  ];
  return [...new Set(keys)];
}
