// The error summary's entries named by their fields' labels. The summary
// stands at the top of a form and is rendered before the fields it links to,
// so an entry with no name of its own is filled in from the finished page:
// the label of the field its link points to (a radio button's: its group's
// legend). One place for every form, rather than each form repeating its
// labels for the summary.

/** The attribute an entry carries while it waits for its field's name. */
export const UNNAMED = 'data-unnamed';

const OPEN = `<a href="#`;
const MARK = `" ${UNNAMED}="">`;

// A label's "(valfritt)" says nothing about what is wrong, so the name leaves it out.
const textOf = (inner: string) =>
  inner
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\((?:valfri|optional)[^)]*\)\s*$/i, '')
    .trim();

/** The tag that carries `id="…"`, as written in the page, and where it starts. */
function tagWithId(page: string, id: string): { tag: string; at: number } | undefined {
  const at = page.indexOf(` id="${id}"`);
  if (at < 0) return undefined;
  const start = page.lastIndexOf('<', at);
  const end = page.indexOf('>', at);
  return start < 0 || end < 0 ? undefined : { tag: page.slice(start, end + 1), at: start };
}

/** What a field is called on the page: its label, a radio group's legend, a fieldset's legend, or its aria-label. */
export function fieldName(page: string, id: string): string | undefined {
  const element = tagWithId(page, id);
  if (element?.tag.startsWith('<input') && / type="radio"/.test(element.tag)) {
    const legend = page.lastIndexOf('<legend', element.at);
    if (legend >= 0) return textOf(page.slice(page.indexOf('>', legend) + 1, page.indexOf('</legend>', legend))) || undefined;
  }
  const label = page.indexOf(`<label for="${id}"`);
  if (label >= 0) return textOf(page.slice(page.indexOf('>', label) + 1, page.indexOf('</label>', label))) || undefined;
  if (element?.tag.startsWith('<fieldset')) {
    const legend = page.indexOf('<legend', element.at);
    if (legend >= 0) return textOf(page.slice(page.indexOf('>', legend) + 1, page.indexOf('</legend>', legend))) || undefined;
  }
  const aria = element && / aria-label="([^"]*)"/.exec(element.tag);
  return aria?.[1] || undefined;
}

/** "Texten är längre …" after a name reads "Titel: texten är längre …"; an initialism (EU, ICLD) keeps its capital. */
export const afterName = (name: string, message: string) => {
  const second = message.charAt(1);
  const lower = second !== '' && second === second.toLowerCase() && second !== second.toUpperCase();
  return `${name}: ${lower ? message.charAt(0).toLowerCase() : message.charAt(0)}${message.slice(1)}`;
};

/** Fills every summary entry waiting for a name; an entry whose field has none on the page keeps its message alone. */
export function nameSummaryEntries(page: string): string {
  if (!page.includes(MARK)) return page;
  let out = '';
  let from = 0;
  for (let mark = page.indexOf(MARK); mark >= 0; mark = page.indexOf(MARK, from)) {
    const open = page.lastIndexOf(OPEN, mark);
    const id = page.slice(open + OPEN.length, mark);
    const close = page.indexOf('</a>', mark);
    const message = page.slice(mark + MARK.length, close);
    const name = fieldName(page, id);
    out += page.slice(from, open) + `${OPEN}${id}">${name ? afterName(name, message) : message}`;
    from = close;
  }
  return out + page.slice(from);
}
