// Charts as SVG rendered on the server with echarts: readable without
// JavaScript, printable, downloadable. Each carries its title and a text
// summary for screen readers; the page puts the same numbers in a table.
import * as echarts from 'echarts';

// Unquoted: the names end up inside an SVG attribute, where a double quote would end it.
export const CHART_FONT = 'Noto Sans, Noto Sans CJK SC, system-ui, sans-serif';
// Colours with at least 3:1 contrast against white (WCAG 1.4.11); every
// series also has its own pattern (decal), so colour never carries meaning alone.
export const PALETTE = ['#0b5394', '#a14a00', '#5b4a00', '#6b2a5c', '#0a5c2b', '#8c1c13'];

export interface ChartText {
  id: string;
  title: string;
  summary: string;
}

// On the server echarts has no canvas to measure text with, and guesses
// short: legends overlap. Measure as a sans-serif font runs: CJK characters a
// full em, capitals and wide letters more than the average.
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    let em = 0;
    for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : /[A-ZÅÄÖmwMW]/.test(ch) ? 0.72 : /[iljt.,:;'|!() ]/.test(ch) ? 0.32 : 0.56;
    return { width: em * size };
  },
});

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export function renderChart(option: echarts.EChartsCoreOption, text: ChartText, size = { width: 760, height: 380 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: CHART_FONT, color: '#1b1b1b' },
      aria: { enabled: true, decal: { show: true } },
      ...option,
    });
    const svg = chart.renderToSVGString();
    const labelled = `<svg role="img" aria-labelledby="${text.id}-title ${text.id}-desc" focusable="false"`;
    return svg
      .replace('<svg', labelled)
      .replace(/(<svg[^>]*>)/, `$1<title id="${text.id}-title">${escapeXml(text.title)}</title><desc id="${text.id}-desc">${escapeXml(text.summary)}</desc>`);
  } finally {
    chart.dispose();
  }
}
