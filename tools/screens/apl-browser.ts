/**
 * A real APL renderer for previews: Amazon's apl-viewhost-web (1.4.0, the last release published
 * with its built bundle; later ones download it at install time) in Debian's headless Chromium,
 * driven by playwright-core. Offline: every network request is refused, except the viewhost's font
 * files, which are answered with a local sans-serif (Amazon Ember is not on the machine).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium; PREVIEW_CHROMIUM names another (or a missing one, to try the fallback). */
export const CHROMIUM = process.env.PREVIEW_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FONTS = '/usr/share/fonts/truetype/liberation';

/** An Echo Show 8 in landscape, in dp (160 dpi: one dp is one pixel). */
export const VIEWPORT = { width: 1280, height: 800, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' } as const;

export interface AplCard {
  readonly name: string;
  readonly document: unknown;
  readonly datasources: unknown;
}

/**
 * Runs in the page: `renderCard(args)` draws a document with its datasources (the document's one
 * parameter, `payload`, is the whole datasources object) and fails when nothing was drawn.
 */
const PAGE_SCRIPT = `
window.renderCard = async function renderCard([doc, datasources, viewport]) {
  if (window.renderer) window.renderer.destroy();
  const view = document.getElementById('apl');
  view.innerHTML = '';
  const content = AplRenderer.Content.create(JSON.stringify(doc));
  content.addData('payload', JSON.stringify(datasources));
  const renderer = AplRenderer.default.create({
    content,
    view,
    environment: { agentName: 'preview', agentVersion: '1.0', allowOpenUrl: false, disallowVideo: true },
    viewport,
    theme: 'dark',
    utcTime: Date.now(),
    localTimeAdjustment: 0,
    onSendEvent: () => undefined,
  });
  window.renderer = renderer;
  await renderer.init();
  if (view.querySelectorAll('*').length < 3) throw new Error('the document rendered nothing');
};`;

/** Why the real renderer cannot run here, or undefined when it can. */
export function unavailable(chromium: string = CHROMIUM): string | undefined {
  if (!existsSync(chromium)) return `no Chromium at ${chromium} (apt-get install chromium)`;
  const require = createRequire(__filename);
  for (const name of ['playwright-core', 'apl-viewhost-web/index.js']) {
    try {
      require.resolve(name);
    } catch {
      return `${name} is not installed (npm install)`;
    }
  }
  return undefined;
}

function fontFor(url: string): string | undefined {
  const bold = /Bd|Bold|He\b|_He/.test(url);
  const file = join(FONTS, bold ? 'LiberationSans-Bold.ttf' : 'LiberationSans-Regular.ttf');
  return existsSync(file) ? file : undefined;
}

/** Each card as a PNG screenshot of the rendered document; the browser is closed before it returns. */
export async function renderCards(
  cards: readonly AplCard[],
  executable: string = CHROMIUM,
): Promise<{ name: string; png: Buffer }[]> {
  const require = createRequire(__filename);
  const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
  const bundle = require.resolve('apl-viewhost-web/index.js');
  const profile = mkdtempSync(join(tmpdir(), 'apl-preview-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    args: FLAGS,
    viewport: { width: VIEWPORT.width, height: VIEWPORT.height },
    timeout: 20_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (process.env.PREVIEW_DEBUG) page.on('console', (message) => console.log(`  [page] ${message.text()}`));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      const font = url.endsWith('.ttf') ? fontFor(url) : undefined;
      if (font) return route.fulfill({ path: font, contentType: 'font/ttf' });
      return url.startsWith('http') ? route.abort() : route.continue();
    });
    await page.setContent(
      `<html><body style="margin:0;background:#000"><div id="apl" style="position:relative;width:${VIEWPORT.width}px;height:${VIEWPORT.height}px"></div></body></html>`,
    );
    await page.addScriptTag({ path: bundle });
    await page.waitForFunction('Boolean(window.Module && window.Module.Content)', undefined, { timeout: 20_000 });
    await page.evaluate(PAGE_SCRIPT);
    const out: { name: string; png: Buffer }[] = [];
    for (const card of cards) {
      await page.evaluate(`renderCard(${JSON.stringify([card.document, card.datasources, VIEWPORT])})`);
      await page.waitForTimeout(400);
      out.push({ name: card.name, png: await page.screenshot({ type: 'png' }) });
    }
    return out;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
