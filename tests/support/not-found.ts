/**
 * A not-found page names the address it was asked for: in the language link, the printed footer and,
 * URL-encoded, in the sign-in link's way back. To compare the answer for a forbidden address with the
 * answer for an absent one, put the absent address in every such place.
 */
export function askedAs(html: string, asked: string, absent: string): string {
  return html.replaceAll(asked, absent).replaceAll(encodeURIComponent(asked), encodeURIComponent(absent));
}
