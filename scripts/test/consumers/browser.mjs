// Opens the consumer projects' pages in Chromium (puppeteer-core, as the demo check does), served by a small
// static server. A page reports its own expectations in `window.consumerResult` (a list of what went wrong);
// this adds page errors, console errors, failed requests and the library's development warnings.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumPath } from '../prerequisites.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on a free loopback port; `/` is index.html. */
export async function serveFolder(dir) {
  const server = createServer(async (request, response) => {
    // Browsers ask for it unprompted; its absence is not the page's problem.
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    // The browser stays open for the next page and would hold its keep-alive connections, and close() with them.
    close: () => new Promise((resolve) => server.close(resolve).closeAllConnections()),
  };
}

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Loads `url`, waits for the page's `window.consumerResult`, then `settleMs` more (the library's development
 * checks speak 2 s after load). Returns the problems seen and the library's development warnings.
 */
export async function visit(browser, url, { settleMs = 500, timeoutMs = 20_000 } = {}) {
  const page = await browser.newPage();
  const problems = [];
  const devWarnings = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.text().startsWith('parca-elements:')) devWarnings.push(message.text());
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()} for ${response.url()}`));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await page.waitForFunction(() => window.consumerResult !== undefined, { timeout: timeoutMs });
    problems.push(...(await page.evaluate(() => window.consumerResult)));
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } catch (error) {
    problems.push(`the page did not report (window.consumerResult): ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, devWarnings };
}
