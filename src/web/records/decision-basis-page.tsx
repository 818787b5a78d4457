// A decision's basis (`/avtal/<slug>/beslut/<event id>`): the version shown
// (the latest unless another is asked for), the form that saves a new one,
// what the register says now (frozen into the version on save), and every
// earlier version, each printable as the annex to the decision's minutes.
import type { BasisVersion, DecisionBasis, RegisterFacts } from '../../domain/decisions/basis.ts';
import { RISK_LEVELS } from '../../db/schema.ts';
import { DECISION_BASIS_FIELDS, RISK_AREAS, RISK_FIELDS, riskFieldsOf, type DecisionBasisField } from '../../domain/decisions/schemas.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { formatEdtf, formatMoment } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { GuidanceLinks } from '../knowledge/guidance-links.tsx';
import type { ArticleSummary } from '../../domain/knowledge/articles.ts';
import { activityLine, yearLabel, BASIS_FIELD_HINTS, BASIS_FIELD_NAMES, bw, DECISION_KIND_NAMES, endingLine, kr, quotationLine, reasonLine, RISK_AREA_HINTS, RISK_AREA_NAMES, RISK_LEVEL_NAMES } from './decision-basis-words.ts';
import { problemsFor } from './words.ts';

export const BASIS_FORM_FIELDS = [...DECISION_BASIS_FIELDS, ...RISK_FIELDS, 'expectedVersion', 'comment'] as const;

export interface DecisionBasisPageProps {
  lang: Lang;
  /** The guidance in force on the decision basis (web/knowledge/guidance-links.tsx). */
  guidance: ArticleSummary[];
  account: string;
  csrf: string;
  basis: DecisionBasis;
  /** What the register says now: what a save freezes. */
  now: RegisterFacts;
  /** The version shown; none before the first save. */
  shown?: BasisVersion;
  mayEdit: boolean;
  failed?: { problems: FieldProblem[]; typed: Record<string, string> };
  /** Someone saved a version since the form was opened: theirs is shown, the form keeps what was typed. */
  conflict?: boolean;
  done?: boolean;
  /** The decision was just recorded: the basis is to be written now. */
  opened?: boolean;
}

const FORM = 'basis';
const LONG: DecisionBasisField[] = ['purpose', 'expectedBenefit', 'counterpartDescription', 'democracyHumanRights', 'personalData', 'exportControl'];

/** The fields whose messages stand the same under another field say whose they are: each cost, each area's justification. */
const PROBLEM_NAMES: Partial<Record<string, { sv: string; en: string }>> = {
  costsSoFarSek: { sv: 'Kostnader hittills', en: 'Costs so far' },
  costsPlannedSek: { sv: 'Planerade kostnader', en: 'Planned costs' },
  ...Object.fromEntries(RISK_AREAS.map((area) => [riskFieldsOf(area).justification, RISK_AREA_NAMES[area]])),
};

export const basisPath = (slug: string, eventId: number) => `/avtal/${slug}/beslut/${eventId}`;

/** What the register said: activity by year, the peers, and the reasons they gave for ending (under an h3). */
export function RegisterFactsView({ lang, facts }: { lang: Lang; facts: RegisterFacts }) {
  const H = 'h4';
  const { activity, peers } = facts;
  return (
    <>
      <H>{bw(lang, 'activity')}</H>
      <table>
        <caption class="visually-hidden">{bw(lang, 'activity')}</caption>
        <thead>
          <tr>
            <th scope="col">{bw(lang, 'year')}</th>
            <th scope="col" class="num">{bw(lang, 'activities')}</th>
            <th scope="col" class="num">{bw(lang, 'cost')}</th>
          </tr>
        </thead>
        <tbody>
          {activity.years.map((y) => (
            <tr>
              <th scope="row">{yearLabel(y, lang)}</th>
              <td class="num">{y.activities}</td>
              <td class="num">{kr(y.costSek, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {activityLine(activity, lang)}
      </p>
      <H>{bw(lang, 'peers')}</H>
      <p>
        {bw(lang, 'peersIntro')}
        {peers.provinces.length ? ` (${peers.provinces.map((p) => `${p.nameLatin}${p.nameNative ? ` ${p.nameNative}` : ''}`).join(', ')})` : ''}
        {peers.total > peers.peers.length ? `: ${peers.peers.length} ${bw(lang, 'shown')} ${bw(lang, 'of')} ${peers.total}.` : '.'}
      </p>
      {peers.peers.length ? (
        <table>
          <caption class="visually-hidden">{bw(lang, 'peers')}</caption>
          <thead>
            <tr>
              <th scope="col">{bw(lang, 'agreement')}</th>
              <th scope="col">{bw(lang, 'status')}</th>
              <th scope="col">{bw(lang, 'sameCounterpart')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.peers.map((p) => (
              <tr>
                <td>
                  <a href={href(lang, `/avtal/${p.slug}`)}>{`${p.parties} – ${p.counterparts}`}</a>
                </td>
                <td>{label(lang, 'status', p.status)}</td>
                <td>{p.sameCounterpart ? bw(lang, 'yes') : bw(lang, 'no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{bw(lang, 'noPeers')}</p>
      )}
      <H>{bw(lang, 'endings')}</H>
      {peers.endings.length ? (
        <ul>
          {peers.endings.map((e) => (
            <li>
              <a href={href(lang, `/avtal/${e.agreement}`)}>{endingLine(e, lang)}</a>
              {e.reasons.length || e.quotations.length ? (
                <ul>
                  {e.reasons.map((r) => (
                    <li>{reasonLine(r, lang)}</li>
                  ))}
                  {e.quotations.map((q) => (
                    <li>
                      <q>{quotationLine(q, lang)}</q>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{bw(lang, 'noEndings')}</p>
      )}
    </>
  );
}

/** A saved version's answers, as the annex prints them. */
export function basisAnswers(v: BasisVersion, lang: Lang): Array<[string, string]> {
  return DECISION_BASIS_FIELDS.filter((f) => f !== 'securityAdviceFrom' || v.securityAdviceSought).map((f) => {
    const value = v[f];
    const shown = f === 'costsSoFarSek' || f === 'costsPlannedSek' ? kr(value as number | null, lang) : typeof value === 'boolean' ? (value ? bw(lang, 'yes') : bw(lang, 'no')) : ((value as string | null) ?? bw(lang, 'notGiven'));
    return [BASIS_FIELD_NAMES[f][lang], shown];
  });
}

/** A saved version's risk grading, as the annex prints it: each area, its level, and why (or "not given"). */
export function basisRisks(v: BasisVersion, lang: Lang): Array<[string, string, string]> {
  return RISK_AREAS.map((area) => {
    const { level, justification } = riskFieldsOf(area);
    return [RISK_AREA_NAMES[area][lang], RISK_LEVEL_NAMES[v[level]][lang], v[justification] ?? bw(lang, 'notGiven')];
  });
}

/** The form's values: what was typed after a refusal, else the version shown, else empty. */
function typedOf(p: DecisionBasisPageProps): Record<string, string> {
  if (p.failed) return p.failed.typed;
  const v = p.shown;
  if (!v) return {};
  return Object.fromEntries(
    [...DECISION_BASIS_FIELDS, ...RISK_FIELDS].map((f) => {
      const value = v[f];
      return [f, typeof value === 'boolean' ? (value ? 'ja' : 'nej') : value === null ? '' : String(value)];
    }),
  );
}

export function DecisionBasisPage(p: DecisionBasisPageProps) {
  const { lang, basis } = p;
  const sv = lang === 'sv';
  const { agreement, decision } = basis;
  const path = basisPath(agreement.slug, decision.id);
  const latest = basis.versions[0];
  // A radio group's problem links to its first button.
  const problems = problemsFor(lang, FORM, p.failed?.problems, PROBLEM_NAMES).map((x) => (x.field === 'securityAdviceSought' ? { ...x, id: `${FORM}-securityAdviceSought-ja` } : x.field.endsWith('Level') ? { ...x, id: `${FORM}-${x.field}-${RISK_LEVELS[0]}` } : x));
  const problemOf = (field: string) => problems.find((x) => x.field === field);
  const typed = { ...typedOf(p) };
  // Every area has a level checked: not assessed where none (or no known one) was posted or saved.
  for (const area of RISK_AREAS) {
    const { level } = riskFieldsOf(area);
    if (!RISK_LEVELS.includes(typed[level] as never)) typed[level] = 'not_assessed';
  }
  const title = `${bw(lang, 'title')}: ${DECISION_KIND_NAMES[decision.kind][lang].toLowerCase()}`;
  const id = (f: string) => `${FORM}-${f}`;
  const field = (f: DecisionBasisField) => {
    const hint = BASIS_FIELD_HINTS[f]?.[lang];
    if (LONG.includes(f) || f === 'costsNote') {
      return (
        <Field lang={lang} id={id(f)} label={BASIS_FIELD_NAMES[f][lang] + (f === 'purpose' ? '' : sv ? ' (valfritt)' : ' (optional)')} hint={hint} problem={problemOf(f)}>
          {(described) => (
            <textarea id={id(f)} name={f} rows={f === 'costsNote' ? 2 : 4} maxlength={10000} {...described}>
              {typed[f] ?? ''}
            </textarea>
          )}
        </Field>
      );
    }
    const money = f === 'costsSoFarSek' || f === 'costsPlannedSek';
    return (
      <Field lang={lang} id={id(f)} label={BASIS_FIELD_NAMES[f][lang] + (sv ? ' (valfritt)' : ' (optional)')} hint={hint} problem={problemOf(f)}>
        {(described) => <input id={id(f)} name={f} type="text" inputmode={money ? 'numeric' : undefined} maxlength={1000} value={typed[f] ?? ''} {...described} />}
      </Field>
    );
  };
  /** A question answered by one of a few radio buttons (Tab reaches the checked one, the arrow keys choose), with its problem. */
  const radios = (name: string, legend: string, options: Array<[value: string, label: string]>, hint?: string) => {
    const problem = problemOf(name);
    const describedBy = [hint ? `${id(name)}-hint` : '', problem ? `${id(name)}-error` : ''].filter(Boolean).join(' ');
    return (
      <fieldset class={problem ? 'field field-error' : 'field'} aria-describedby={describedBy || undefined}>
        <legend>{legend}</legend>
        {hint ? (
          <span class="hint" id={`${id(name)}-hint`}>
            {hint}
          </span>
        ) : null}
        {problem ? (
          <span class="error-message" id={`${id(name)}-error`}>
            {problem.message}
          </span>
        ) : null}
        {options.map(([value, text]) => (
          <div class="radio">
            <input type="radio" id={`${id(name)}-${value}`} name={name} value={value} checked={typed[name] === value} />
            <label for={`${id(name)}-${value}`} class="inline-label">
              {text}
            </label>
          </div>
        ))}
      </fieldset>
    );
  };
  /** An area of the grading: its level, then why. */
  const riskArea = (area: (typeof RISK_AREAS)[number]) => {
    const { level, justification } = riskFieldsOf(area);
    return (
      <div class="risk-area">
        {radios(level, RISK_AREA_NAMES[area][lang], RISK_LEVELS.map((code) => [code, RISK_LEVEL_NAMES[code][lang]]), RISK_AREA_HINTS[area][lang])}
        <Field lang={lang} id={id(justification)} label={`${bw(lang, 'riskJustification')}: ${RISK_AREA_NAMES[area][lang].toLowerCase()}${sv ? ' (valfritt om risken inte är hög)' : ' (optional unless the risk is high)'}`} problem={problemOf(justification)}>
          {(described) => <input id={id(justification)} name={justification} type="text" maxlength={2000} value={typed[justification] ?? ''} {...described} />}
        </Field>
      </div>
    );
  };
  return (
    <Layout lang={lang} title={title} path={path} query={p.shown && p.shown !== latest ? { version: String(p.shown.version) } : undefined} account={p.account}>
      <p>
        <a href={href(lang, `/avtal/${agreement.slug}`)}>{agreement.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{agreement.title}</p>
      <dl class="facts">
        <dt>{bw(lang, 'decision')}</dt>
        <dd>{`${label(lang, 'event', decision.type)} ${formatEdtf(decision.date, lang)}`}</dd>
        {decision.decidingBody ? (
          <>
            <dt>{bw(lang, 'decidingBody')}</dt>
            <dd>{decision.decidingBody}</dd>
          </>
        ) : null}
        {decision.reference ? (
          <>
            <dt>{bw(lang, 'reference')}</dt>
            <dd>{decision.reference}</dd>
          </>
        ) : null}
        {decision.caseNumber ? (
          <>
            <dt>{bw(lang, 'caseNumber')}</dt>
            <dd>{decision.caseNumber}</dd>
          </>
        ) : null}
      </dl>
      <p>
        {sv
          ? 'Underlaget läses bara av den egna organisationen. Varje sparad version behålls, med det som registret sa när den sparades.'
          : 'The basis is read by your own organisation only. Every saved version is kept, with what the register said when it was saved.'}
      </p>
      <Notices done={p.done ? (sv ? 'Underlaget är sparat som en ny version.' : 'The basis is saved as a new version.') : p.opened ? (sv ? 'Beslutet är registrerat. Skriv nu underlaget som det vilar på; det sparas med beslutet.' : 'The decision is recorded. Now write the basis it rests on; it is kept with the decision.') : undefined} alert={p.conflict ? (sv ? 'Någon annan har sparat en ny version medan du skrev. Deras version visas nedan; det du skrev finns kvar i formuläret. Spara igen för att lägga din version ovanpå deras.' : 'Someone else saved a new version while you were writing. Theirs is shown below; what you typed is kept in the form. Save again to put your version on top of theirs.') : undefined} />

      {p.shown ? (
        <section aria-labelledby="version-visad">
          <h2 id="version-visad">{`${bw(lang, 'version')} ${p.shown.version}`}</h2>
          <p>
            {`${sv ? 'Sparad' : 'Saved'} ${formatMoment(p.shown.createdAt, lang, 'day')}, ${bw(lang, 'savedBy')} ${p.shown.savedByName}.`}{' '}
            <a href={href(lang, `${path}/bilaga.pdf`, { version: p.shown.version })}>{sv ? `Skriv ut version ${p.shown.version} som bilaga (PDF, A4)` : `Print version ${p.shown.version} as an annex (PDF, A4)`}</a>
          </p>
          {p.shown.comment ? <p>{`${bw(lang, 'comment')}: ${p.shown.comment}`}</p> : null}
          <dl class="facts">
            {basisAnswers(p.shown, lang).map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd class="prewrap">{value}</dd>
              </>
            ))}
          </dl>
          <h3>{bw(lang, 'riskGrading')}</h3>
          <table>
            <caption class="visually-hidden">{bw(lang, 'riskGrading')}</caption>
            <thead>
              <tr>
                <th scope="col">{bw(lang, 'riskArea')}</th>
                <th scope="col">{bw(lang, 'riskLevel')}</th>
                <th scope="col">{bw(lang, 'riskJustification')}</th>
              </tr>
            </thead>
            <tbody>
              {basisRisks(p.shown, lang).map(([area, level, why]) => (
                <tr>
                  <th scope="row">{area}</th>
                  <td>{level}</td>
                  <td class="prewrap">{why}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{`${bw(lang, 'fromRegister')} (${bw(lang, 'readOn')} ${formatEdtf(p.shown.register.readOn, lang)})`}</h3>
          <RegisterFactsView lang={lang} facts={p.shown.register} />
        </section>
      ) : (
        <p>{sv ? 'Inget underlag är sparat för beslutet ännu.' : 'No basis has been saved for this decision yet.'}</p>
      )}

      {p.mayEdit ? (
        <section aria-labelledby="spara-underlag">
          <h2 id="spara-underlag">{latest ? (sv ? 'Spara en ny version' : 'Save a new version') : sv ? 'Skriv underlaget' : 'Write the basis'}</h2>
          <GuidanceLinks lang={lang} articles={p.guidance} />
          <ErrorSummary lang={lang} problems={problems} />
          <form method="post" action={href(lang, path)} class="form" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" id={id('expectedVersion')} name="expectedVersion" value={String(latest?.version ?? 0)} />
            {field('purpose')}
            {field('expectedBenefit')}
            <fieldset>
              <legend>{sv ? 'Kostnader' : 'Costs'}</legend>
              {field('costsSoFarSek')}
              {field('costsPlannedSek')}
              {field('costsNote')}
            </fieldset>
            {field('counterpartDescription')}
            {field('democracyHumanRights')}
            {radios('securityAdviceSought', BASIS_FIELD_NAMES.securityAdviceSought[lang], [
              ['ja', bw(lang, 'yes')],
              ['nej', bw(lang, 'no')],
            ])}
            {field('securityAdviceFrom')}
            {field('personalData')}
            {field('exportControl')}
            <fieldset>
              <legend>{bw(lang, 'riskGrading')}</legend>
              <p class="hint">
                {sv
                  ? 'Bedöm varje område: inte bedömd, låg, måttlig eller hög risk, med en kort motivering. En hög risk kräver en motivering.'
                  : 'Grade each area: not assessed, low, moderate or high risk, with a short justification. A high risk needs a justification.'}
              </p>
              {RISK_AREAS.map((area) => riskArea(area))}
            </fieldset>
            <Field lang={lang} id={id('comment')} label={sv ? 'Vad ändrades i den här versionen (valfritt)' : 'What changed in this version (optional)'} problem={problemOf('comment')}>
              {(described) => <input id={id('comment')} name="comment" type="text" maxlength={2000} value={p.failed?.typed.comment ?? ''} {...described} />}
            </Field>
            <h3>{`${bw(lang, 'fromRegister')} (${sv ? 'sparas med versionen' : 'saved with the version'})`}</h3>
            <RegisterFactsView lang={lang} facts={p.now} />
            <button type="submit">{sv ? 'Spara ny version' : 'Save a new version'}</button>
          </form>
        </section>
      ) : null}

      {basis.versions.length ? (
        <section aria-labelledby="versioner">
          <h2 id="versioner">{sv ? 'Alla versioner' : 'Every version'}</h2>
          <ol reversed>
            {basis.versions.map((v) => (
              <li>
                <a href={href(lang, path, { version: v === latest ? undefined : v.version })} aria-current={v === p.shown ? 'page' : undefined}>{`${bw(lang, 'version')} ${v.version}`}</a>
                {`, ${formatMoment(v.createdAt, lang, 'day')}, ${v.savedByName}${v.comment ? `: ${v.comment}` : ''} · `}
                <a href={href(lang, `${path}/bilaga.pdf`, { version: v.version })}>{sv ? `Bilaga som PDF (version ${v.version})` : `Annex as PDF (version ${v.version})`}</a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
