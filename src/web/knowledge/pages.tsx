// The knowledge base's pages: the list of guidance (/kunskap), an article
// with its history (/kunskap/<slug>, ?version=<n> for an earlier one), its
// forms for coordinators and administrators (a new article, a change, the
// withdrawal), and the lessons drawn from the register (/kunskap/lardomar).
import type { Article, ArticleSummary, ArticleVersion } from '../../domain/knowledge/articles.ts';
import type { LessonsByReason } from '../../domain/knowledge/lessons.ts';
import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import { formatEdtf, formatMoment } from '../format.ts';
import { label, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { problemsFor } from '../records/words.ts';

export const LESSONS_SLUG = 'lardomar';

/** An article's text: paragraphs parted by an empty line; a run of lines that begin with "- " is a list. */
export function ArticleBody({ text }: { text: string }) {
  const parts: Array<{ list: boolean; lines: string[]; closed?: boolean }> = [];
  for (const block of text.split(/\n\s*\n/)) {
    for (const line of block.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const list = line.startsWith('- ');
      const last = parts.at(-1);
      if (last && last.list === list && !last.closed) last.lines.push(list ? line.slice(2) : line);
      else parts.push({ list, lines: [list ? line.slice(2) : line] });
    }
    const last = parts.at(-1);
    if (last) last.closed = true;
  }
  return <>{parts.map((part) => (part.list ? <ul>{part.lines.map((l) => <li>{l}</li>)}</ul> : <p>{part.lines.join(' ')}</p>))}</>;
}

const title = (a: { titleSv: string; titleEn: string }, lang: Lang) => (lang === 'sv' ? a.titleSv : a.titleEn);

/** The day something happened, in Stockholm. */
const dayOf = (d: Date) => formatMoment(d, 'sv', 'isoDay');

export function KnowledgeListPage({ lang, articles, mayEdit }: { lang: Lang; articles: ArticleSummary[]; mayEdit: boolean }) {
  const sv = lang === 'sv';
  const withdrawn = articles.filter((a) => a.withdrawnAt);
  return (
    <Layout lang={lang} title={sv ? 'Kunskapsbank' : 'Knowledge base'} path="/kunskap">
      <h1>{sv ? 'Kunskapsbank' : 'Knowledge base'}</h1>
      <p class="lead">{sv ? 'Vägledning för den som arbetar med samarbeten med Kina, och lärdomar ur registret.' : 'Guidance for those who work with cooperation with China, and lessons from the register.'}</p>
      <h2>{sv ? 'Vägledning' : 'Guidance'}</h2>
      <ul>
        {articles
          .filter((a) => !a.withdrawnAt)
          .map((a) => (
            <li>
              <a href={href(lang, `/kunskap/${a.slug}`)}>{title(a, lang)}</a>
              <span class="hint beside">{` ${sv ? 'granskas senast' : 'review due'} ${formatEdtf(a.reviewOn, lang)}`}</span>
            </li>
          ))}
      </ul>
      {mayEdit ? (
        <p>
          <a href={href(lang, '/kunskap/ny')}>{sv ? 'Skriv en ny artikel' : 'Write a new article'}</a>
        </p>
      ) : null}
      <h2>{sv ? 'Ur registret' : 'From the register'}</h2>
      <p>
        <a href={href(lang, `/kunskap/${LESSONS_SLUG}`)}>{sv ? 'Lärdomar: varför samarbeten har avslutats, med besluten och citaten bakom' : 'Lessons: why cooperations were ended, with the decisions and quotations behind them'}</a>
      </p>
      {withdrawn.length ? (
        <>
          <h2>{sv ? 'Indragna artiklar' : 'Withdrawn articles'}</h2>
          <p>{sv ? 'Inte längre gällande vägledning; texten och versionerna finns kvar.' : 'No longer guidance in force; the text and its versions are kept.'}</p>
          <ul>
            {withdrawn.map((a) => (
              <li>
                <a href={href(lang, `/kunskap/${a.slug}`)}>{title(a, lang)}</a>
                <span class="hint beside">{` ${sv ? 'indragen' : 'withdrawn'} ${dayOf(a.withdrawnAt!)}`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/** An article's page; `csrf` is the signed-in person's form token, for putting a withdrawn article back in force. */
export function ArticlePage({ lang, article, shown, mayEdit, csrf, done }: { lang: Lang; article: Article; shown: ArticleVersion; mayEdit: boolean; csrf?: string | undefined; done?: keyof typeof DONE }) {
  const sv = lang === 'sv';
  const path = `/kunskap/${article.slug}`;
  const current = shown === article;
  return (
    <Layout lang={lang} title={title(shown, lang)} path={path} query={current ? undefined : { version: String(shown.version) }}>
      <p>
        <a href={href(lang, '/kunskap')}>{sv ? 'Kunskapsbank' : 'Knowledge base'}</a>
      </p>
      <h1>{title(shown, lang)}</h1>
      <Notices done={done ? DONE[done][lang] : undefined} />
      {article.withdrawnAt ? (
        <p class="notice" role="note">
          {sv
            ? `Artikeln drogs tillbaka ${dayOf(article.withdrawnAt)} och är inte längre gällande vägledning. Texten och dess versioner finns kvar här.`
            : `The article was withdrawn on ${dayOf(article.withdrawnAt)} and is no longer guidance in force. Its text and versions are kept here.`}
        </p>
      ) : null}
      {current ? null : (
        <p class="notice" role="note">
          {sv ? `Detta är version ${shown.version}, ersatt ${shown.savedAt!.toISOString().slice(0, 10)}. ` : `This is version ${shown.version}, replaced on ${shown.savedAt!.toISOString().slice(0, 10)}. `}
          <a href={href(lang, path)}>{sv ? 'Läs den gällande versionen' : 'Read the current version'}</a>
        </p>
      )}
      <dl class="facts">
        <dt>{sv ? 'Version' : 'Version'}</dt>
        <dd>{`${shown.version}${current ? `, ${article.updatedAt.toISOString().slice(0, 10)}` : ''}`}</dd>
        <dt>{sv ? 'Ansvarig' : 'Owner'}</dt>
        <dd>{article.owner ? [article.owner.name, article.owner.organisation].filter(Boolean).join(', ') : sv ? 'Ortsbands redaktion' : "Ortsband's editors"}</dd>
        <dt>{sv ? 'Granskas senast' : 'Review due'}</dt>
        <dd>{formatEdtf(shown.reviewOn, lang)}</dd>
        {shown.sourceNote ? (
          <>
            <dt>{sv ? 'Bygger på' : 'Based on'}</dt>
            <dd>{shown.sourceNote}</dd>
          </>
        ) : null}
      </dl>
      {/* The text is written in both languages; the other is one link away. */}
      <div lang={lang}>
        <ArticleBody text={sv ? shown.bodySv : shown.bodyEn} />
      </div>
      {mayEdit && current && !article.withdrawnAt ? (
        <p>
          <a href={href(lang, `${path}/andra`)}>{sv ? 'Ändra artikeln' : 'Change the article'}</a>
        </p>
      ) : null}
      {mayEdit && csrf && article.withdrawnAt ? (
        <section aria-labelledby="aterinfor">
          <h2 id="aterinfor">{sv ? 'Återinför artikeln' : 'Reinstate the article'}</h2>
          <p>{sv ? 'Artikeln blir gällande vägledning igen med texten den hade när den drogs tillbaka: den kommer tillbaka i listan, formulärens länkar och påminnelserna.' : 'The article becomes guidance in force again, with the text it had when it was withdrawn: it returns to the list, the forms’ links and the reminders.'}</p>
          <form method="post" action={href(lang, `${path}/aterinfor`)} class="form">
            <input type="hidden" name={CSRF_FIELD} value={csrf} />
            <input type="hidden" name="expectedVersion" value={String(article.version)} />
            <button type="submit">{sv ? 'Återinför artikeln' : 'Reinstate the article'}</button>
          </form>
        </section>
      ) : null}
      <h2 id="historik">{sv ? 'Versioner' : 'Versions'}</h2>
      <ol reversed>
        <li>
          <a href={href(lang, path)} aria-current={current ? 'page' : undefined}>{`${sv ? 'Version' : 'Version'} ${article.version}`}</a>
          {` (${article.withdrawnAt ? (sv ? 'den sista' : 'the last') : sv ? 'gällande' : 'current'}, ${article.updatedAt.toISOString().slice(0, 10)})`}
        </li>
        {article.earlier.map((v) => (
          <li>
            <a href={href(lang, path, { version: v.version })} aria-current={v === shown ? 'page' : undefined}>{`Version ${v.version}`}</a>
            {` (${sv ? 'ersatt' : 'replaced'} ${v.savedAt!.toISOString().slice(0, 10)})`}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

const DONE = {
  added: { sv: 'Artikeln är sparad.', en: 'The article is saved.' },
  saved: { sv: 'Artikeln är sparad som en ny version.', en: 'The article is saved as a new version.' },
  withdrawn: { sv: 'Artikeln är indragen.', en: 'The article is withdrawn.' },
  reinstated: { sv: 'Artikeln är gällande igen.', en: 'The article is in force again.' },
} as const;

/** The fields of the article's form; `topic.<code>` is a checkbox each. */
export const ARTICLE_FIELDS = ['slug', 'titleSv', 'titleEn', 'bodySv', 'bodyEn', 'sourceNote', 'owner', 'reviewOn', 'expectedVersion'] as const;
export const TOPIC_FIELDS = KNOWLEDGE_TOPICS.map((t) => `topic.${t}` as const);
const TOPIC_NAMES: Record<KnowledgeTopic, { sv: string; en: string }> = {
  decision_basis: { sv: 'Beslutsunderlaget', en: 'The decision basis' },
  delegation_warning: { sv: 'Delegationsvarningarna', en: 'The delegation warnings' },
  new_agreement: { sv: 'Formuläret för ett nytt avtal', en: 'The new agreement form' },
};
const FIELD_NAMES: Record<(typeof ARTICLE_FIELDS)[number], { sv: string; en: string }> = {
  slug: { sv: 'Adress (/kunskap/…)', en: 'Address (/kunskap/…)' },
  titleSv: { sv: 'Rubrik på svenska', en: 'Title in Swedish' },
  titleEn: { sv: 'Rubrik på engelska', en: 'Title in English' },
  bodySv: { sv: 'Text på svenska', en: 'Text in Swedish' },
  bodyEn: { sv: 'Text på engelska', en: 'Text in English' },
  sourceNote: { sv: 'Bygger på (valfritt)', en: 'Based on (optional)' },
  owner: { sv: 'Ansvarig: e-postadress (valfritt)', en: 'Owner: e-mail address (optional)' },
  reviewOn: { sv: 'Granskas senast', en: 'Review due' },
  expectedVersion: { sv: 'Version', en: 'Version' },
};

/** The form of a new article (no `article`) or of a change to one, and below a change its withdrawal. */
export function ArticleFormPage(p: { lang: Lang; account: string; csrf: string; article?: Article; typed: Record<string, string>; problems?: FieldProblem[]; conflict?: boolean }) {
  const { lang, article } = p;
  const sv = lang === 'sv';
  const problems = problemsFor(lang, 'article', p.problems);
  const problemOf = (f: string) => problems.find((x) => x.field === f);
  const path = article ? `/kunskap/${article.slug}` : '/kunskap';
  const action = article ? `${path}/andra` : '/kunskap/ny';
  const heading = article ? (sv ? 'Ändra artikeln' : 'Change the article') : sv ? 'Skriv en ny artikel' : 'Write a new article';
  const input = (f: (typeof ARTICLE_FIELDS)[number], type = 'text', hint?: string) => (
    <Field lang={lang} id={`article-${f}`} label={FIELD_NAMES[f][lang]} hint={hint} problem={problemOf(f)}>
      {(described) => <input id={`article-${f}`} name={f} type={type} maxlength={2000} value={p.typed[f] ?? ''} {...described} />}
    </Field>
  );
  const area = (f: 'bodySv' | 'bodyEn') => (
    <Field lang={lang} id={`article-${f}`} label={FIELD_NAMES[f][lang]} hint={sv ? 'Stycken skiljs med en tom rad; rader som börjar med "- " blir en lista.' : 'Paragraphs are parted by an empty line; lines beginning with "- " become a list.'} problem={problemOf(f)}>
      {(described) => (
        <textarea id={`article-${f}`} name={f} rows={14} maxlength={50000} {...described}>
          {p.typed[f] ?? ''}
        </textarea>
      )}
    </Field>
  );
  const topicsProblem = problemOf('topics');
  return (
    <Layout lang={lang} title={article ? (sv ? `Ändra: ${article.titleSv}` : `Change: ${article.titleEn}`) : heading} path={action} account={p.account}>
      <p>
        <a href={href(lang, path)}>{article ? title(article, lang) : sv ? 'Kunskapsbank' : 'Knowledge base'}</a>
      </p>
      <h1>{heading}</h1>
      {article ? <p>{sv ? 'Den gällande versionen sparas i historiken innan ändringen.' : 'The current version is kept in the history before the change.'}</p> : null}
      <Notices alert={p.conflict ? (sv ? 'Någon annan har sparat artikeln medan du skrev. Det du skrev finns kvar; spara igen för att lägga din version ovanpå deras.' : 'Someone else saved the article while you were writing. What you typed is kept; save again to put your version on top of theirs.') : undefined} />
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, action)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        {article ? <input type="hidden" id="article-expectedVersion" name="expectedVersion" value={p.typed.expectedVersion ?? String(article.version)} /> : null}
        {article ? null : input('slug', 'text', sv ? 'Små bokstäver a–z, siffror och bindestreck, till exempel infor-besok. Kan inte ändras sedan.' : 'Lower-case letters a–z, digits and dashes, for example infor-besok. Cannot be changed later.')}
        {input('titleSv')}
        {area('bodySv')}
        {input('titleEn')}
        {area('bodyEn')}
        {input('sourceNote')}
        {input('owner', 'email', sv ? 'En person med konto, till exempel samordnare@lansstyrelsen.se. Hen påminns när granskningsdagen kommer.' : 'A person with an account, for example coordinator@lansstyrelsen.se. They are reminded when the review day comes.')}
        {input('reviewOn', 'date', sv ? 'Till exempel 2027-12-31.' : 'For example 2027-12-31.')}
        <fieldset id="article-topics" aria-describedby={topicsProblem ? 'article-topics-error' : undefined}>
          <legend>{sv ? 'Länkas från (valfritt)' : 'Linked from (optional)'}</legend>
          {topicsProblem ? (
            <p class="error-message" id="article-topics-error">
              {topicsProblem.message}
            </p>
          ) : null}
          {KNOWLEDGE_TOPICS.map((t) => (
            <div class="field checkbox">
              <input id={`article-topic-${t}`} name={`topic.${t}`} type="checkbox" value="1" checked={p.typed[`topic.${t}`] === '1'} />
              <label for={`article-topic-${t}`} class="inline-label">
                {TOPIC_NAMES[t][lang]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{article ? (sv ? 'Spara ny version' : 'Save a new version') : sv ? 'Spara artikeln' : 'Save the article'}</button>
      </form>
      {article ? (
        <section aria-labelledby="dra-tillbaka">
          <h2 id="dra-tillbaka">{sv ? 'Dra tillbaka artikeln' : 'Withdraw the article'}</h2>
          <p>{sv ? 'En indragen artikel är inte längre gällande vägledning: den lämnar listan, formulärens länkar och påminnelserna. Dess sida och alla versioner finns kvar.' : 'A withdrawn article is no longer guidance in force: it leaves the list, the forms’ links and the reminders. Its page and every version are kept.'}</p>
          <form method="post" action={href(lang, `${path}/dra-tillbaka`)} class="form">
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            <input type="hidden" name="expectedVersion" value={String(article.version)} />
            <button type="submit" class="secondary">
              {sv ? 'Dra tillbaka artikeln' : 'Withdraw the article'}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export function LessonsPage({ lang, reasons }: { lang: Lang; reasons: LessonsByReason[] }) {
  const sv = lang === 'sv';
  const path = `/kunskap/${LESSONS_SLUG}`;
  return (
    <Layout lang={lang} title={sv ? 'Lärdomar ur registret' : 'Lessons from the register'} path={path}>
      <p>
        <a href={href(lang, '/kunskap')}>{sv ? 'Kunskapsbank' : 'Knowledge base'}</a>
      </p>
      <h1>{sv ? 'Lärdomar ur registret' : 'Lessons from the register'}</h1>
      <p class="lead">
        {sv
          ? 'Avslutade och pausade samarbeten i det offentliga registret, efter skälet som angavs, med beslutet och det som sades.'
          : 'Ended and paused cooperations in the public register, by the reason given, with the decision and what was said.'}
      </p>
      <table>
        <caption>{sv ? 'Avslut och pauser efter skäl' : 'Endings and pauses by reason'}</caption>
        <thead>
          <tr>
            <th scope="col">{sv ? 'Skäl' : 'Reason'}</th>
            <th scope="col" class="num">{sv ? 'Avslut och pauser' : 'Endings and pauses'}</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map((r) => (
            <tr>
              <th scope="row">
                <a href={`#skal-${r.code}`}>{label(lang, 'reason', r.code)}</a>
              </th>
              <td class="num">{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reasons.map((r) => (
        <section aria-labelledby={`skal-${r.code}`}>
          <h2 id={`skal-${r.code}`}>{`${label(lang, 'reason', r.code)} (${r.total})`}</h2>
          {r.lessons.length ? null : <p>{sv ? 'Inga registrerade.' : 'None recorded.'}</p>}
          <ul>
            {r.lessons.map((l) => {
              const words = sv ? l.text : (l.textEn ?? l.text);
              const by = [l.decidingBody, l.reference].filter(Boolean).join(', ');
              return (
                <li>
                  <a href={href(lang, `/avtal/${l.agreement}`)}>{`${l.parties} – ${l.counterparts}`}</a>
                  {`: ${label(lang, 'event', l.type)} ${formatEdtf(l.date, lang)}${by ? ` (${by})` : ''}; ${label(lang, 'statedBy', l.statedBy)}`}
                  {words ? `: ${words}` : ''}
                  {l.quotations.map((q) => (
                    <figure>
                      <blockquote lang={q.language}>{q.text}</blockquote>
                      {!sv && q.language !== 'en' && q.textEn ? <p class="translation">{`${'Translation'}: ${q.textEn}`}</p> : null}
                      {(sv ? q.speakerRole : (q.speakerRoleEn ?? q.speakerRole)) ? <figcaption>{sv ? q.speakerRole : (q.speakerRoleEn ?? q.speakerRole)}</figcaption> : null}
                    </figure>
                  ))}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
