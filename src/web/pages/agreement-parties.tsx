// The Swedish bodies of an agreement: the holder first, then the others in
// the order of their roles (domain/agreements/get.ts), each body once with
// every role it has (Växjö kommun took part and co-financed).
import type { AgreementDetail } from '../../domain/agreements/get.ts';
import { label, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { Localized } from './shared.tsx';

type Party = AgreementDetail['parties'][number];

/** The parties grouped by body, in the order each body first appears. */
export function partiesByBody(parties: readonly Party[]): Array<{ slug: string; name: string; roles: Party[] }> {
  const bodies = new Map<string, { slug: string; name: string; roles: Party[] }>();
  for (const p of parties) {
    const body = bodies.get(p.slug);
    if (body) body.roles.push(p);
    else bodies.set(p.slug, { slug: p.slug, name: p.name, roles: [p] });
  }
  return [...bodies.values()];
}

export function PartyList(props: { lang: Lang; parties: readonly Party[] }) {
  const { lang } = props;
  return (
    <ul>
      {partiesByBody(props.parties).map((body) => (
        <li>
          <a href={href(lang, `/parter/${body.slug}`)}>{body.name}</a> ({body.roles.map((r) => label(lang, 'role', r.role)).join(', ')})
          {body.roles
            .filter((r) => r.note)
            .map((r) => (
              <>
                {' '}
                – <Localized lang={lang} sv={r.note!} en={r.noteEn} />
              </>
            ))}
        </li>
      ))}
    </ul>
  );
}
