import { ActivityFigures } from './activity-figures.tsx';
import { ActivityLinks } from './activity-links.tsx';
import type { AgreementDetail } from '../../domain/agreements/get.ts';
import type { AgreementDocument } from '../../domain/documents/read.ts';
import { formatEdtf, formatNumber, todayInStockholm } from '../format.ts';
import { renewalDates, type RenewalTerms } from '../../domain/agreements/renewal-dates.ts';
import { renewedOnOf, termStartOf } from '../../domain/agreements/stored-renewal.ts';
import { RenewalNote } from '../editing/agreement-form.tsx';
import { label, t, type Lang } from '../i18n.ts';
import { href, Layout, StatusBadge } from '../layout.tsx';
import { PartyList } from './agreement-parties.tsx';
import { Documents, Localized, LocalizedList, OfficialTitle, Sources } from './shared.tsx';
import { RecordsLinks } from '../records/links.tsx';
import { ASSESSMENT_NAMES } from '../records/words.ts';
import { decisionKindOf } from '../../domain/decisions/kinds.ts';

/**
 * `editing`: for a signed-in person, the links to the agreement's history and,
 * when they may change it (mayChange: an editor of its organisation or an
 * admin), to its forms; `saved` says a form was just saved; `decisions`: to
 * the basis of each decision (the owning organisation's people only);
 * `mayHandOver`: to hand its keeping to another organisation (an
 * administrator of the keeping organisation).
 */
/** How many of the agreement's activities the page shows: the latest, with a link to all; or all, with a link back. */
function ActivitiesShown({ lang, slug, shown, total }: { lang: Lang; slug: string; shown: number; total: number }) {
  const sv = lang === 'sv';
  if (shown < total) {
    return (
      <p>
        {sv ? `De ${formatNumber(shown, lang)} senaste av ${formatNumber(total, lang)} aktiviteter visas. ` : `The latest ${formatNumber(shown, lang)} of ${formatNumber(total, lang)} activities are shown. `}
        <a href={`${href(lang, `/avtal/${slug}`, { aktiviteter: 'alla' })}#aktiviteter`}>{sv ? `Visa alla ${formatNumber(total, lang)} aktiviteter` : `Show all ${formatNumber(total, lang)} activities`}</a>
      </p>
    );
  }
  return total > ACTIVITIES_SHOWN ? (
    <p>
      {sv ? `Alla ${formatNumber(total, lang)} aktiviteter visas. ` : `All ${formatNumber(total, lang)} activities are shown. `}
      <a href={`${href(lang, `/avtal/${slug}`)}#aktiviteter`}>{sv ? 'Visa bara de senaste' : 'Show only the latest'}</a>
    </p>
  ) : null;
}
/** The latest activities an agreement's page shows unless all are asked for (`?aktiviteter=alla`). */
export const ACTIVITIES_SHOWN = 20;

export function AgreementPage(props: { lang: Lang; detail: AgreementDetail; documents: AgreementDocument[]; path: string; editing?: { mayChange: boolean; mayHandOver?: boolean; saved?: boolean; decisions?: boolean } }) {
  const { lang, detail } = props;
  const a = detail.agreement;
  // The cache of anonymous answers keys on the day too (response-cache.ts).
  const today = todayInStockholm();
  // The page's own address in the page's language: an English page's keeps `?lang=en`.
  const permanent = href(lang, `/avtal/${a.slug}`);
  const holders = detail.parties.filter((p) => p.role === 'party');
  const title = `${holders.map((p) => p.name).join(', ')} – ${detail.places.map((p) => p.counterpart.nameLatin).join(', ')}`;
  return (
    <Layout lang={lang} title={title} path={props.path}>
      <h1>
        {title} <span class="hint">{label(lang, 'kind', a.kind)}</span>
      </h1>
      {props.editing ? <EditLinks lang={lang} slug={a.slug} {...props.editing} /> : null}
      <p>
        {t(lang, 'status')}: <StatusBadge status={a.currentStatus} text={label(lang, 'status', a.currentStatus)} />
        {detail.statusKnownUntil ? <span class="hint beside">{lang === 'sv' ? ` enligt källor till och med ${detail.statusKnownUntil}` : ` according to sources up to ${detail.statusKnownUntil}`}</span> : null}
      </p>
      <RecordsLinks lang={lang} agreement={a} />
      {detail.discrepancies.length ? (
        <p class="notice">
          <a href="#discrepancies">{lang === 'sv' ? 'Källorna säger olika om detta avtal – se nedan.' : 'The sources disagree about this agreement – see below.'}</a>
        </p>
      ) : null}
      <dl class="facts">
        {a.officialTitle ? (<><dt>{t(lang, 'title')}</dt><dd><OfficialTitle lang={lang} title={a.officialTitle} language={a.officialTitleLanguage} en={a.officialTitleEn} /></dd></>) : null}
        <dt>{t(lang, 'parties')}</dt>
        <dd>
          <PartyList lang={lang} parties={detail.parties} />
        </dd>
        <dt>{t(lang, 'counterpart')}</dt>
        <dd>
          <ul>
            {detail.places.map(({ counterpart: c, chain }) => (
              <li>
                <a href={href(lang, `/motparter/${c.slug}`)}>
                  {c.nameLatin} <span lang="zh-Hans">{c.nameNative}</span>
                </a>
                {chain.length ? (
                  <>
                    {' '}
                    {t(lang, 'inside')}{' '}
                    {[...chain].reverse().map((p, i) => (
                      <>
                        {i ? ', ' : ''}
                        <a href={href(lang, `/motparter/${p.slug}`)}>
                          {p.nameLatin} <span lang="zh-Hans">{p.nameNative}</span>
                        </a>
                      </>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </dd>
        {a.signedOn ? (<><dt>{t(lang, 'signedOn')}</dt><dd>{formatEdtf(a.signedOn, lang)}</dd></>) : null}
        {a.term ? (<><dt>{t(lang, 'term')}</dt><dd><Localized lang={lang} sv={a.term} en={null} /></dd></>) : null}
        {a.renewalRule ? (<><dt>{t(lang, 'renewal')}</dt><dd><Localized lang={lang} sv={a.renewalRule} en={null} /></dd></>) : null}
        {a.termMonths !== null ? (
          <>
            <dt>{lang === 'sv' ? 'Löptid, förnyelse och uppsägning' : 'Term, renewal and notice'}</dt>
            <dd>
              <TermInNumbers lang={lang} terms={a} />
              <RenewalNote lang={lang} dates={renewalDates({ ...a, start: termStartOf(a, detail.events), renewedOn: renewedOnOf(detail.events), ended: a.currentStatus === 'ended' }, today)} today={today} />
            </dd>
          </>
        ) : null}
        {a.themes.length ? (<><dt>{t(lang, 'themes')}</dt><dd><LocalizedList lang={lang} sv={a.themes} en={a.themesEn} /></dd></>) : null}
        {a.funding ? (<><dt>{t(lang, 'funding')}</dt><dd><Localized lang={lang} sv={a.funding} en={a.fundingEn} /></dd></>) : null}
        {a.responsibleUnit ? (<><dt>{t(lang, 'responsible')}</dt><dd><Localized lang={lang} sv={a.responsibleUnit} en={null} /></dd></>) : null}
        {detail.parent ? (<><dt>{t(lang, 'parentAgreement')}</dt><dd><a href={href(lang, `/avtal/${detail.parent.slug}`)}>{detail.parent.officialTitle ? <OfficialTitle lang={lang} title={detail.parent.officialTitle} language={detail.parent.officialTitleLanguage} en={null} /> : detail.parent.slug}</a></dd></>) : null}
        {detail.samePair.length ? (
          <>
            <dt>{lang === 'sv' ? 'Andra avtal mellan samma parter' : 'Other agreements between the same parties'}</dt>
            <dd>
              {detail.samePair.map((c) => (
                <div>
                  <a href={href(lang, `/avtal/${c.slug}`)}>{c.officialTitle ? <OfficialTitle lang={lang} title={c.officialTitle} language={c.officialTitleLanguage} en={null} /> : label(lang, 'kind', c.kind)}</a> ({label(lang, 'kind', c.kind)}, {c.establishedYear ?? ''}, {label(lang, 'status', c.currentStatus)})
                </div>
              ))}
            </dd>
          </>
        ) : null}
        {detail.children.length ? (
          <>
            <dt>{t(lang, 'childAgreements')}</dt>
            <dd>
              {detail.children.map((c) => (
                <div>
                  <a href={href(lang, `/avtal/${c.slug}`)}>{c.officialTitle ? <OfficialTitle lang={lang} title={c.officialTitle} language={c.officialTitleLanguage} en={null} /> : c.slug}</a> ({c.establishedYear ?? ''}, {label(lang, 'status', c.currentStatus)})
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {a.summary ? <p><Localized lang={lang} sv={a.summary} en={a.summaryEn} /></p> : null}
      <Sources lang={lang} list={detail.sources} />
      <Documents lang={lang} list={props.documents} />

      <h2 id="timeline">{t(lang, 'timeline')}</h2>
      <ol class="timeline">
        {detail.events.map((e) => (
          <li>
            <span class="when">{formatEdtf(e.date, lang)}</span>: {label(lang, 'event', e.type)}
            {e.side ? `, ${lang === 'sv' ? 'av' : 'by'} ${label(lang, 'side', e.side)}` : ''}
            {e.mode ? `, ${label(lang, 'mode', e.mode)}` : ''}
            {e.decidingBody || e.reference || e.caseNumber ? (
              <div>
                {e.decidingBody ? <>{t(lang, 'decidedBy')}: <Localized lang={lang} sv={e.decidingBody} en={null} /></> : null}
                {e.reference ? ` ${e.reference}` : ''}
                {e.caseNumber ? `, ${t(lang, 'caseNumber')} ${e.caseNumber}` : ''}
              </div>
            ) : null}
            {e.note ? <div><Localized lang={lang} sv={e.note} en={e.noteEn} /></div> : null}
            {e.reasons.length ? (
              <div>
                {t(lang, 'reasons')}:{' '}
                <ul>
                  {e.reasons.map((r) => (
                    <li>
                      {label(lang, 'reason', r.code)} ({label(lang, 'statedBy', r.statedBy)})
                      {r.text ? <>: <Localized lang={lang} sv={r.text} en={r.textEn} /></> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Sources lang={lang} list={e.sources} />
            {props.editing?.decisions && decisionKindOf(e.type) ? (
              <div>
                <a href={href(lang, `/avtal/${a.slug}/beslut/${e.id}`)}>{lang === 'sv' ? `Beslutsunderlag (${label(lang, 'event', e.type).toLowerCase()} ${formatEdtf(e.date, lang)})` : `Decision basis (${label(lang, 'event', e.type).toLowerCase()} ${formatEdtf(e.date, lang)})`}</a>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {detail.quotations.length ? (
        <>
          <h2>{t(lang, 'quotations')}</h2>
          {detail.quotations.map((q) => (
            <figure>
              <blockquote lang={q.language}>{q.text}</blockquote>
              {/* The quotation stays in its own words; a translation is said to be one. */}
              {lang === 'en' && q.language !== 'en' && q.textEn ? (
                <p class="translation">
                  {t(lang, 'ourTranslation')}: “{q.textEn}”
                </p>
              ) : null}
              <figcaption>
                {q.speakerName}
                {q.speakerName && q.speakerRole ? ', ' : ''}
                {q.speakerRole ? <Localized lang={lang} sv={q.speakerRole} en={q.speakerRoleEn} /> : null}
                <Sources lang={lang} list={q.sources} />
              </figcaption>
            </figure>
          ))}
        </>
      ) : null}

      {detail.discrepancies.length ? (
        <>
          <h2 id="discrepancies">{t(lang, 'discrepancies')}</h2>
          {detail.discrepancies.map((d) => (
            <div class="notice">
              <p>
                <strong>{label(lang, 'field', d.field)}</strong>: {t(lang, 'recorded')} <strong><DiscrepancyValue lang={lang} value={d.recordedValue} en={d.recordedValueEn} /></strong>; {t(lang, 'otherValue')}{' '}
                <strong><DiscrepancyValue lang={lang} value={d.otherValue} en={d.otherValueEn} /></strong>
              </p>
              <p>{lang === 'sv' ? d.explanationSv : d.explanationEn}</p>
              <Sources lang={lang} list={d.sources} />
            </div>
          ))}
        </>
      ) : null}

      {detail.activities.length ? (
        <>
          <h2 id="aktiviteter">{t(lang, 'activities')}</h2>
          <ActivitiesShown lang={lang} slug={a.slug} shown={detail.activities.length} total={detail.activitiesTotal} />
          <ul>
            {detail.activities.map((act) => (
              <li>
                <span class="when">{formatEdtf(act.date, lang)}</span> · {label(lang, 'activity', act.kind)}: <Localized lang={lang} sv={act.title} en={act.titleEn} />
                <ActivityLinks lang={lang} activity={act} agreementSlug={detail.agreement.slug} />
                {act.participants ? <div><Localized lang={lang} sv={act.participants} en={act.participantsEn} /></div> : null}
                {act.purpose ? <div><Localized lang={lang} sv={act.purpose} en={act.purposeEn} /></div> : null}
                {act.outcome ? <div><Localized lang={lang} sv={act.outcome} en={act.outcomeEn} /></div> : null}
                <ActivityFigures lang={lang} activity={act} as="div" />
                <Sources lang={lang} list={act.sources} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {detail.actionPlans.length ? (
        <>
          <h2>{t(lang, 'actionPlans')}</h2>
          {detail.actionPlans.map((p) => (
            <section>
              <h3>
                <Localized lang={lang} sv={p.title} en={p.titleEn} /> ({formatEdtf(p.periodFrom, lang)}–{formatEdtf(p.periodTo, lang)})
              </h3>
              {p.note ? <p><Localized lang={lang} sv={p.note} en={p.noteEn} /></p> : null}
              {p.responsibleUnit || p.budgetSek !== null || p.reviewedOn ? (
                <dl class="facts">
                  {p.responsibleUnit ? (<><dt>{lang === 'sv' ? 'Ansvarig enhet' : 'Responsible unit'}</dt><dd><Localized lang={lang} sv={p.responsibleUnit} en={null} /></dd></>) : null}
                  {p.budgetSek !== null ? (<><dt>{lang === 'sv' ? 'Budget' : 'Budget'}</dt><dd>{formatNumber(p.budgetSek, lang)} kr</dd></>) : null}
                  {p.reviewedOn ? (<><dt>{lang === 'sv' ? 'Uppföljd' : 'Reviewed'}</dt><dd>{p.reviewedOn}{p.reviewNote ? <div><Localized lang={lang} sv={p.reviewNote} en={null} /></div> : null}</dd></>) : null}
                </dl>
              ) : null}
              <table>
                <caption class="visually-hidden"><Localized lang={lang} sv={p.title} en={p.titleEn} /></caption>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'themes')}</th>
                    <th scope="col">{lang === 'sv' ? 'Mål' : 'Goal'}</th>
                    <th scope="col">{lang === 'sv' ? 'Indikator' : 'Indicator'}</th>
                    <th scope="col">{lang === 'sv' ? 'Uppföljning' : 'Follow-up'}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.goals.map((g) => (
                    <tr>
                      <td><Localized lang={lang} sv={g.theme} en={g.themeEn} /></td>
                      <td><Localized lang={lang} sv={g.goal} en={g.goalEn} /></td>
                      <td>{g.indicator ? <Localized lang={lang} sv={g.indicator} en={null} /> : ''}</td>
                      <td>
                        {g.assessment !== 'not_assessed' ? <strong>{ASSESSMENT_NAMES[g.assessment][lang]}</strong> : null}
                        {g.outcome ? <div><Localized lang={lang} sv={g.outcome} en={null} /></div> : null}
                        {g.assessmentNote ? <div><Localized lang={lang} sv={g.assessmentNote} en={null} /></div> : null}
                        {g.followUp ? <div><Localized lang={lang} sv={g.followUp} en={null} /></div> : null}
                        {g.assessment === 'not_assessed' && !g.outcome && !g.followUp ? (lang === 'sv' ? 'Ingen uppföljning registrerad' : 'No follow-up recorded') : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Sources lang={lang} list={p.sources} />
            </section>
          ))}
        </>
      ) : null}
      <p class="hint">
        {lang === 'sv' ? 'Permanent länk' : 'Permanent link'}: <a href={permanent}>{permanent}</a> ·{' '}
        <a href={`/api/agreements/${a.slug}`}>JSON</a>
      </p>
    </Layout>
  );
}

function EditLinks(props: { lang: Lang; slug: string; mayChange: boolean; mayHandOver?: boolean; saved?: boolean }) {
  const sv = props.lang === 'sv';
  return (
    <>
      {props.saved ? (
        <p class="notice" role="status">
          {sv ? 'Sparat.' : 'Saved.'}
        </p>
      ) : null}
      <nav class="edit-links" aria-label={sv ? 'Redigera avtalet' : 'Edit the agreement'}>
        {props.mayChange ? (
          <>
            <a href={href(props.lang, `/avtal/${props.slug}/andra`)}>{sv ? 'Ändra' : 'Change'}</a>
            <a href={href(props.lang, `/avtal/${props.slug}/handelse`)}>{sv ? 'Registrera händelse' : 'Record an event'}</a>
          </>
        ) : null}
        <a href={href(props.lang, `/avtal/${props.slug}/aktiviteter`)}>{sv ? 'Aktiviteter och uppföljning' : 'Activities and follow-up'}</a>
        <a href={href(props.lang, `/avtal/${props.slug}/handlingsplaner`)}>{sv ? 'Handlingsplaner' : 'Action plans'}</a>
        <a href={href(props.lang, `/avtal/${props.slug}/historik`)}>{sv ? 'Historik' : 'History'}</a>
        {props.mayHandOver ? <a href={href(props.lang, `/avtal/${props.slug}/forvaltare`)}>{sv ? 'Lämna över förvaltningen' : 'Hand over the keeping'}</a> : null}
      </nav>
    </>
  );
}

/**
 * A value where sources disagree: on an English page its English where one
 * is recorded; else the value itself, marked as Swedish when it has words
 * (a year needs no language).
 */
function DiscrepancyValue(props: { lang: Lang; value: string; en: string | null }) {
  if (props.lang === 'en' && props.en) return <>{props.en}</>;
  return props.lang === 'en' && /\p{L}/u.test(props.value) ? <span lang="sv">{props.value}</span> : <>{props.value}</>;
}

/** The structured term as the editor saved it: "24 månader, förnyas 24 månader i taget, uppsägning 3 månader före". */
function TermInNumbers(props: { lang: Lang; terms: Omit<RenewalTerms, 'start'> }) {
  const { termMonths, renewalMonths, noticeMonths, noticeDays } = props.terms;
  const sv = props.lang === 'sv';
  const parts = [sv ? `${termMonths} månader` : `${termMonths} months`];
  parts.push(renewalMonths === null ? (sv ? 'förnyas inte' : 'not renewed') : sv ? `förnyas ${renewalMonths} månader i taget` : `renewed ${renewalMonths} months at a time`);
  if (noticeMonths !== null) parts.push(sv ? `uppsägning ${noticeMonths} månader före` : `notice ${noticeMonths} months before`);
  else if (noticeDays !== null) parts.push(sv ? `uppsägning ${noticeDays} dagar före` : `notice ${noticeDays} days before`);
  return <p>{parts.join(', ')}.</p>;
}
