// End to end in Debian's Chromium: every kind of page, axe-core (WCAG 2.1 AA)
// with zero violations, search and filters by keyboard only, reading without
// JavaScript. Screenshots go to tmp/screenshots/ for a person to look at.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, SHOTS, summaryMessages } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  const app = createApp(t.database);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['home-en', '/?lang=en'],
  ['agreements', '/avtal'],
  ['agreements-2016', '/avtal?on=2016-12-31&status=in_force'],
  ['agreement-goteborg', '/avtal/goteborg--shanghai'],
  ['agreement-linkoping-en', '/avtal/linkoping--guangzhou?lang=en'],
  ['actors', '/parter'],
  ['actor-kalix', '/parter/kalix'],
  ['counterparts', '/motparter'],
  ['counterpart-zhejiang', '/motparter/zhejiang'],
  ['statistics', '/statistik'],
  ['statistics-rule', '/statistik?rule=partly-ended-as-pause&lang=en'],
  ['open-data', '/oppna-data'],
  ['open-data-en', '/oppna-data?lang=en'],
  ['about', '/om'],
  ['report-error', '/om/fel?sida=/avtal/goteborg--shanghai'],
  ['accessibility-en', '/tillganglighet?lang=en'],
  ['map', '/karta'],
  ['map-filtered-en', '/karta?on=2010-12-31&kind=kommunalt_partnerskap&lang=en'],
  ['statistics-charts-en', '/statistik?lang=en'],
  ['agreements-left-out', '/avtal?county=99&q=%25'],
  ['agreements-past-the-end-en', '/avtal?page=99&pageSize=20&lang=en'],
  ['actors-county', '/parter?county=07'],
  ['agreement-kronoberg', '/avtal/region-kronoberg--suzhou'],
  ['actor-skane-en', '/parter/region-skane?lang=en'],
  ['counterpart-left-out', '/motparter?q=-'],
  ['agreements-unknown-kind', '/avtal?kind=foo'],
  ['bad-request', '/avtal?on=2019-13-45'],
  ['not-found', '/avtal/no-such-agreement'],
  ['source-online', '/kallor/fn35-skelleftea-media'],
  ['source-report-en', '/kallor/nkk2022?lang=en'],
  ['visits-month', '/besokskalender?month=2014-03'],
  ['visits-month-filtered-en', '/besokskalender?month=2019-06&county=25&direction=incoming&lang=en'],
  ['visits-list', '/besokskalender?visa=lista'],
  ['visits-day', '/besokskalender?visa=lista&day=2014-03-12'],
  ['visits-month-list-en', '/besokskalender?visa=lista&month=2019-06&lang=en'],
];

/** The same page in the other language: English pages carry ?lang=en, Swedish ones nothing. */
function otherLanguage(path: string): string {
  const url = new URL(path, 'http://x');
  if (url.searchParams.get('lang') === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', 'en');
  return `${url.pathname}${url.search}`;
}

const WIDTHS = [['desktop', { width: 1280, height: 900 }], ['375px', { width: 375, height: 800 }]] as const;
const EVERY_PAGE = PAGES.flatMap(([name, path]) => [
  [name, path],
  [`${name}-other-language`, otherLanguage(path)],
]).flatMap(([name, path]) => WIDTHS.map(([width, viewport]) => [`${name}-${width}`, path, viewport] as const));

describe('every kind of page', () => {
  it.each(EVERY_PAGE)('%s (%s) passes axe-core WCAG 2.1 AA', { timeout: 60_000 }, async (name, path, viewport) => {
    // axe-core/playwright needs a page made from an explicit context.
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(base + path);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await expectAccessible(page);
    await context.close();
  });
});

describe('by keyboard', () => {
  it('searches for 蘇州 and filters by status without a mouse', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/avtal`);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Enter');
    // Tab from the top of main to the search field.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'f-q')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    await page.keyboard.type('蘇州');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').innerText()).toContain('Suzhou');

    await page.goto(`${base}/avtal`);
    await page.focus('#f-status');
    await page.keyboard.press('ArrowDown'); // from "Alla" to the first status
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#f-status').inputValue();
    expect(chosen).toBe('dormant');
    await page.focus('#f-sort');
    await page.keyboard.press('Tab'); // the submit button
    await page.keyboard.press('Enter');
    await page.waitForURL(/status=dormant/);
    expect(await page.locator('tbody tr').count()).toBe(16);
    await page.screenshot({ path: `${SHOTS}/keyboard-filter.png`, fullPage: true });
    await page.close();
  });
});

describe('maps and charts', () => {
  it('passes the maps in a few Tab presses, and reaches each place through the list below the map by keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/karta?status=in_force`);
    const dots = await page.locator('section svg a').count();
    expect(dots).toBeGreaterThan(20);
    // No point of a map takes the focus: Tab walks the page, never the dots.
    const stops: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => (document.activeElement?.closest('svg') ? 'svg' : (document.activeElement?.tagName ?? '')));
      stops.push(at);
      if (at === 'BODY') break;
    }
    expect(stops).not.toContain('svg');
    expect(stops.length).toBeLessThan(80);
    // A skip link passes both maps: the next Tab after it lands below them.
    const skip = page.getByRole('link', { name: 'Hoppa förbi kartorna' });
    await skip.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('after-maps');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section, figure, details') === null)).toBe(true);
    // The first map's list: open it by keyboard, and open a place with Enter.
    const summary = page.locator('details.map-links summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('details.map-links').first().locator('a').first();
    const name = await link.innerText();
    // Every place in the list is a point on the map, by the same name.
    const labels = await page.locator('section').first().locator('svg a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.startsWith(name))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/(parter|motparter)\//);
    await page.close();
  });

  it('fits a phone (375 px): no page wider than the screen, wide tables scroll within it, and axe-core passes', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    for (const path of ['/avtal/goteborg--shanghai', '/avtal', '/statistik', '/karta']) {
      await page.goto(`${base}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      await expectAccessible(page);
    }
    await page.goto(`${base}/avtal`);
    expect(await page.locator('main table').first().evaluate((table) => getComputedStyle(table).overflowX)).toBe('auto');
    await page.screenshot({ path: `${SHOTS}/phone-list.png`, fullPage: true });
    await context.close();
  });

  it('reports an error by keyboard, with its problems beside the fields, passing axe-core in the error state', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/om/fel`);
    await page.fill('#report-email', 'inte en adress');
    await page.focus('#report-email');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await summaryMessages(page)).toEqual(['Skriv vad som är fel.', 'Skriv en e-postadress, till exempel namn@kommun.se.']);
    await page.screenshot({ path: `${SHOTS}/report-error-problems.png`, fullPage: true });
    await expectAccessible(page);
    await page.fill('#report-message', 'Avtalet avslutades 2020.');
    await page.fill('#report-email', '');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.locator('.notice[role=status]').innerText()).toContain('Tack!');
    await context.close();
  });

  it('prints a page without its menus and download links, with its address, date and data version', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/statistik`);
    expect(await page.locator('.print-only').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('a[download]').first().isVisible()).toBe(false);
    expect(await page.locator('.print-only').innerText()).toMatch(/^Ortsband \/statistik · sidan skapad \d{1,2} \p{L}+ \d{4} · dataversion \d+$/u);
    await page.close();
  });

  it('each chart\'s table shows the statistics module\'s numbers', async () => {
    const api = (await (await fetch(`${base}/api/statistics`)).json()) as { inForce: Array<{ year: number; total: number }>; changes: Array<{ year: number | null; ended: number; paused: number }> };
    const page = await browser.newPage();
    await page.goto(`${base}/statistik`);
    const inForce = await page.locator('section[aria-labelledby=in-force] tbody tr').evaluateAll((rows) => rows.map((r) => [Number(r.querySelector('th')!.textContent), Number(r.querySelector('td:last-child')!.textContent)]));
    expect(inForce).toEqual(api.inForce.map((y) => [y.year, y.total]));
    const svgTitle = await page.locator('section[aria-labelledby=in-force] svg title').first().textContent();
    expect(svgTitle).toContain('Pågående samarbeten');
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('a filter form leads to an address that carries only what was chosen', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/avtal`);
    await page.selectOption('#f-status', 'dormant');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/status=dormant/);
    expect(page.url()).toBe(`${base}/avtal?status=dormant`);
    expect(await page.locator('a[href="/api/agreements.csv?status=dormant&lang=sv"]').count()).toBe(1);

    await page.goto(`${base}/parter`);
    await page.selectOption('#a-county', '07');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/county=07/);
    expect(page.url()).toBe(`${base}/parter?county=07`);
    const names = await page.locator('tbody td:first-child').allInnerTexts();
    expect(names).toContain('Region Kronoberg');
    expect(names).not.toContain('Kalix kommun');
    await context.close();
  });


  it('reads an agreement, its timeline and sources', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/avtal/borlange--wuhan`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('10 december 2019');
    expect(text).toContain('2019/1060');
    expect(text).toContain('Sammanträdesprotokoll 2019-12-10');
    await context.close();
  });
});
