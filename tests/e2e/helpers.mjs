// Shared set-up for the browser tests: Debian's chromium driven by
// playwright-core, a fresh profile per test, the built web folder served on
// 127.0.0.1, and pixel statistics of screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const webDir = process.env.CAIRN_WEB_DIR || path.join(repoRoot, 'build/web-release/web');
export const artifactsDir = path.join(here, 'artifacts');

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// A bare headless Chromium with the tests' flags, no profile (benchmarks).
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
}

// Opens the app in a new browser on `profile` (a fresh one by default).
// Console errors and page errors are collected in `problems`.
export async function openApp({ profile = freshProfile(), root = webDir, server, colorScheme = 'light',
  viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, initScript, route, path: pagePath = '',
  timezoneId } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: build the web app first (cmake --build --preset web-release)`);
  }
  const ownServer = !server;
  server = server || await startServer({ root, port: 0 });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS, viewport, deviceScaleFactor, colorScheme, timezoneId,
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  context.on('request', (request) => requests.push(request.url()));
  // Playwright intercepts file choosers only once some listener asks, and
  // turning that on takes a round trip: a test that starts listening just
  // before Ctrl+O can miss a quick app's picker. Ask from the start.
  page.on('filechooser', () => {});
  if (initScript) await page.addInitScript(initScript);
  if (route) await page.route(route.pattern, route.handler);
  await page.goto(server.url + pagePath);
  const close = async () => {
    await context.close();
    if (ownServer) await server.close();
  };
  return { page, context, server, problems, requests, profile, close };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.cairn && window.cairn.ready, null, { timeout });
  await page.evaluate(() => window.cairn.ready);
}

// Screenshot of the page (or the PNG given), saved under tests/e2e/artifacts,
// with pixel stats.
export async function screenshotStats(page, name, given) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  const buffer = given || await page.screenshot();
  fs.writeFileSync(file, buffer);
  const png = PNG.sync.read(buffer);
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const pixels = png.width * png.height;
  return {
    file,
    png,
    distinctColours: counts.size,
    share: (r, g, b) => (counts.get((r << 16) | (g << 8) | b) || 0) / pixels,
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Share of pixels that differ between two same-sized screenshots.
export function differingShare(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) ++differing;
  }
  return differing / (a.width * a.height);
}

// A keyboard shortcut pressed like a person presses it: the modifiers held a
// moment around the key (ImGui reads the modifiers of the frame in which the
// key goes down; a burst of events can fall into one frame).
export async function shortcut(page, modifiers, key) {
  for (const m of modifiers) await page.keyboard.down(m);
  await sleep(60);
  await page.keyboard.press(key);
  await sleep(60);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
  await sleep(60);
}
