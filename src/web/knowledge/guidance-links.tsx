// Links to the knowledge base from the forms where its guidance matters:
// the decision basis, the delegation warnings (their page and beside an
// incoming visit), and the new agreement form. A form names a topic, not a
// slug: the articles in force on it are linked (articlesOnTopic), so an
// article withdrawn or added is followed; with none, the whole knowledge
// base is.
import type { ArticleSummary } from '../../domain/knowledge/articles.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';

export function GuidanceLinks({ lang, articles }: { lang: Lang; articles: ArticleSummary[] }) {
  const sv = lang === 'sv';
  return (
    <p class="guidance">
      {sv ? 'Vägledning: ' : 'Guidance: '}
      {articles.length ? (
        articles.map((a, i) => (
          <>
            {i ? '; ' : ''}
            <a href={href(lang, `/kunskap/${a.slug}`)}>{sv ? a.titleSv : a.titleEn}</a>
          </>
        ))
      ) : (
        <a href={href(lang, '/kunskap')}>{sv ? 'kunskapsbanken' : 'the knowledge base'}</a>
      )}
    </p>
  );
}
