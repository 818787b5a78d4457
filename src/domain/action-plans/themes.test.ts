import { describe, expect, it } from 'vitest';
import { themeInBothLanguages } from './themes.ts';

describe('themeInBothLanguages', () => {
  it('gives a known area typed in either language both its names', () => {
    expect(themeInBothLanguages('kultur', null)).toEqual({ theme: 'Kultur', themeEn: 'Culture' });
    expect(themeInBothLanguages(' Trade and business ', undefined)).toEqual({ theme: 'Handel och näringsliv', themeEn: 'Trade and business' });
  });
  it('keeps another area as written, and an English given with it', () => {
    expect(themeInBothLanguages('Vattenrening', null)).toEqual({ theme: 'Vattenrening', themeEn: null });
    expect(themeInBothLanguages('Kultur', 'Arts')).toEqual({ theme: 'Kultur', themeEn: 'Arts' });
  });
});
