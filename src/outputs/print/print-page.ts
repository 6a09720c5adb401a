/**
 * The frame of a printable page: on screen, a short bar with the way back and
 * how to print; on paper, only the sheets, one per A4 page. No script: the
 * browser's own print command does the printing. The stylesheet is linked,
 * not inlined: staff printing a 社区's sheets fetch it once.
 */
import { t } from '../../core/i18n/t.ts';
import { html, type SafeHtml } from '../../core/lib/html.ts';
import { sitePath } from '../../core/lib/site-path.ts';
import { pageHead } from '../page-head.ts';

export interface PrintPageOptions {
  /** The page's own title; the site name is added after it. */
  title: string;
  /** The page's canonical address. */
  canonical: string;
  /** Where the reader came from: the compound's or the 社区's page. */
  back: { href: string; label: string };
  /** One line under the title, for example how many sheets the page holds. */
  summary?: string | undefined;
  /** The site's name, in the title and the bar: 奇台县物业公开. */
  siteName: string;
  /** The address of the print stylesheet (stylesheet.ts). */
  stylesheet: string;
  sheets: SafeHtml[];
}

export function printPage({ title, canonical, back, summary, stylesheet, sheets, siteName }: PrintPageOptions): string {
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        ${pageHead({ title, description: t('print.description'), canonical, siteName })}
        <link rel="stylesheet" href="${stylesheet}">
      </head>
      <body class="print-page">
        <header class="print-bar">
          <div class="container">
            <p><a class="site-title" href="${sitePath('/')}">${siteName}</a></p>
            <p><a href="${back.href}">${back.label}</a></p>
          </div>
        </header>
        <main id="main">
          <div class="print-intro container">
            <h1>${title}</h1>
            ${summary && html`<p>${summary}</p>`}
            <p class="muted">${t('print.howTo')}</p>
          </div>
          <div class="sheets">${sheets}</div>
        </main>
      </body>
    </html>`.toString();
}
