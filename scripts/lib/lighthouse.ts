/**
 * Lighthouse (pinned at 12.2.3, the last release whose lock `npm ci` accepts
 * here and which runs on the project's Node) on Debian's Chromium, through the
 * public Node API: the e2e holds accessibility, best practices and SEO at 100,
 * and the bench reports the performance score and its metrics. Mobile profile
 * (Lighthouse's default: a mid-range phone, throttled).
 */
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.ts';

export type Category = 'accessibility' | 'best-practices' | 'seo' | 'performance';

export interface Report {
  url: string;
  /** 0–100 per category asked for. */
  scores: Partial<Record<Category, number>>;
  /** Audits that lost points, as `category: audit title`. */
  failing: string[];
  /** Performance metrics in milliseconds (or unitless for CLS), when performance was asked for. */
  metrics: Record<string, number>;
}

/** A free TCP port for Chromium's remote debugging. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs Lighthouse on each address in turn, in one browser. */
export async function audit(urls: readonly string[], categories: readonly Category[]): Promise<Report[]> {
  const port = await freePort();
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, `--remote-debugging-port=${port}`],
  });
  try {
    const reports: Report[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port,
        onlyCategories: [...categories],
        logLevel: 'error',
        output: 'json',
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
      const scores: Report['scores'] = {};
      const failing: string[] = [];
      for (const category of categories) {
        const found = lhr.categories[category];
        scores[category] = Math.round((found?.score ?? 0) * 100);
        if (category === 'performance') continue;
        for (const ref of found?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1) {
            failing.push(`${category}: ${audit.title}`);
          }
        }
      }
      const metrics: Record<string, number> = {};
      for (const id of [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ]) {
        const value = lhr.audits[id]?.numericValue;
        if (value !== undefined) metrics[id] = value;
      }
      reports.push({ url, scores, failing, metrics });
    }
    return reports;
  } finally {
    await browser.close();
  }
}
