// A chart or map as PNG, rasterised on the server by resvg (a native module
// shipped in its npm package) with the machine's fonts: Noto CJK must be
// installed for Chinese names (README).
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width = 1600): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans' },
  });
  return renderer.render().asPng();
}
