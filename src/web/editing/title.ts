/** What the editing pages call an agreement: its parties and places, or its address while it has neither. */
export const titleOf = (a: { partyLabel: string; counterpartLabel: string; slug: string }) => (a.partyLabel && a.counterpartLabel ? `${a.partyLabel} – ${a.counterpartLabel}` : a.slug);
