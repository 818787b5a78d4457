// A source's own page: what it is, who published it, where it is online, and
// the files kept with it that the reader may download.
// Where Ortsband knows no address it says so, and names the publisher where a
// source names one: no address is guessed (docs/data.md).
import type { SourceDocument } from '../../domain/documents/read.ts';
import type { getSource } from '../../domain/sources/get.ts';
import { formatEdtf } from '../format.ts';
import type { Lang } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { SOURCE_KIND_NAMES } from '../records/words.ts';
import { Documents, Localized } from './shared.tsx';

type Source = Awaited<ReturnType<typeof getSource>>;

/** Where the source is online, or plainly that Ortsband knows no address, with its publisher. */
function Address({ lang, source: s }: { lang: Lang; source: Source }) {
  const sv = lang === 'sv';
  const other = s.language === lang ? undefined : s.language;
  if (s.url) {
    return (
      <p>
        {sv ? 'Källan på webben: ' : 'The source online: '}
        <a href={s.url} rel="external" hreflang={other}>
          <span lang={other}>{s.title}</span>
        </a>
        {s.retrievedOn ? ` (${sv ? 'hämtad' : 'retrieved'} ${formatEdtf(s.retrievedOn, lang)})` : ''}
        <br />
        <span class="hint">{s.url}</span>
      </p>
    );
  }
  const publisher = s.publisher
    ? sv
      ? ` Den ges ut av ${s.publisher}.`
      : ` It is published by ${s.publisher}.`
    : sv
      ? ' Underlaget anger ingen utgivare.'
      : ' The sources name no publisher.';
  return (
    <p>
      {sv ? 'Ortsband känner ingen webbadress till källan.' : 'Ortsband knows no web address for this source.'}
      {publisher}
    </p>
  );
}

export function SourcePage(props: { lang: Lang; source: Source; documents: SourceDocument[]; path: string }) {
  const { lang, source: s } = props;
  const sv = lang === 'sv';
  // A title Ortsband wrote itself has its English: an English page is headed by it, and names the Swedish too.
  const english = !sv && s.titleEn ? s.titleEn : null;
  const other = english || s.language === lang ? undefined : s.language;
  return (
    <Layout lang={lang} title={english ?? s.title} path={props.path}>
      <h1 lang={other}>{english ?? s.title}</h1>
      <Address lang={lang} source={s} />
      <dl class="facts">
        {english ? (<><dt>{s.language === 'sv' ? 'Title in Swedish' : 'Original title'}</dt><dd lang={s.language}>{s.title}</dd></>) : null}
        <dt>{sv ? 'Typ av källa' : 'Kind of source'}</dt>
        <dd>{SOURCE_KIND_NAMES[s.kind][lang]}</dd>
        {s.author ? (<><dt>{sv ? 'Författare' : 'Author'}</dt><dd>{s.author}</dd></>) : null}
        {s.publisher ? (<><dt>{sv ? 'Utgivare' : 'Publisher'}</dt><dd>{s.publisher}</dd></>) : null}
        {s.published ? (<><dt>{sv ? 'Utgiven' : 'Published'}</dt><dd>{formatEdtf(s.published, lang)}</dd></>) : null}
        {s.archiveReference ? (<><dt>{sv ? 'Diarienummer' : 'Case number'}</dt><dd>{s.archiveReference}</dd></>) : null}
        {s.seedPassage ? (<><dt>{sv ? 'Anges i rapporten' : 'Cited in the report'}</dt><dd lang={sv ? undefined : 'sv'}>{s.seedPassage}</dd></>) : null}
      </dl>
      {s.note ? <p><Localized lang={lang} sv={s.note} en={s.noteEn} /></p> : null}
      <Documents lang={lang} list={props.documents} />
    </Layout>
  );
}
