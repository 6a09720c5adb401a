/**
 * The part of the head every page shares, Astro's pages (src/site/layouts/
 * BaseLayout.astro) and the printed sheets (print/print-page.ts) alike: the
 * title with the site's name, the description, the canonical address (which
 * the sitemap reads), the feeds, what phones need, the share card (og:, the
 * card WeChat and other apps show for a link) and the icons (public/, drawn
 * by scripts/make-icons.ts). One place, so that every page has them.
 */
import { html, type SafeHtml } from '../core/lib/html.ts';
import { sitePath } from '../core/lib/site-path.ts';

export interface PageHeadOptions {
  /** The page's own title; the site name is added after it, unless it is the site name. */
  title: string;
  /** One sentence for search engines and link previews. */
  description: string;
  /** The page's permanent address. */
  canonical: string;
  /** Atom feeds a reader can subscribe to from the page. */
  feeds?: readonly { title: string; href: string }[];
  /** The site's name, after the page's title: 奇台县物业公开. */
  siteName: string;
}

export function pageHead({ title, description, canonical, feeds = [], siteName: site }: PageHeadOptions): SafeHtml {
  return html`
    <title>${title === site ? title : `${title} - ${site}`}</title>
    <meta name="description" content="${description}">
    <link rel="canonical" href="${canonical}">
    ${feeds.map((feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}">`)}
    <meta name="format-detection" content="telephone=no">
    <meta name="theme-color" content="#9b1c1c">
    <meta property="og:type" content="website">
    <meta property="og:title" content="${title}">
    <meta property="og:description" content="${description}">
    <meta property="og:image" content="${new URL(sitePath('/og.png'), canonical).href}">
    <link rel="icon" href="${sitePath('/icon.svg')}" type="image/svg+xml">
    <link rel="apple-touch-icon" href="${sitePath('/apple-touch-icon.png')}">
    <link rel="manifest" href="${sitePath('/manifest.webmanifest')}">`;
}
