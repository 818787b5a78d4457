// What an activity is linked to, as the agreement page and the activities
// page show it: where it took place (each place a link to its page) and the
// other agreements it serves.
import type { ActivityAgreementLink, ActivityPlace } from '../../domain/activities/links.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';

export function ActivityLinks(props: { lang: Lang; activity: { agreements: ActivityAgreementLink[]; places: ActivityPlace[] }; agreementSlug: string }) {
  const { lang, activity } = props;
  const sv = lang === 'sv';
  const others = activity.agreements.filter((a) => a.slug !== props.agreementSlug);
  return (
    <>
      {activity.places.length ? (
        <div>
          {sv ? 'Platser: ' : 'Places: '}
          {activity.places.map((place, i) => (
            <>
              {i ? ', ' : ''}
              <a href={href(lang, `/${place.kind === 'swedish' ? 'parter' : 'motparter'}/${place.slug}`)}>
                {place.name}
                {place.nameNative ? <> <span lang="zh-Hans">{place.nameNative}</span></> : null}
              </a>
            </>
          ))}
        </div>
      ) : null}
      {others.length ? (
        <div>
          {sv ? 'Gäller också: ' : 'Also serves: '}
          {others.map((a, i) => (
            <>
              {i ? ', ' : ''}
              <a href={href(lang, `/avtal/${a.slug}`)}>{a.name}</a>
            </>
          ))}
        </div>
      ) : null}
    </>
  );
}
