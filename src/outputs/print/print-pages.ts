/**
 * Every printable page, made from the validated content outside Astro's
 * page pipeline: for each compound its notice (/c/<slug>/notice/) and its
 * board (/c/<slug>/board/), for each 社区 the pages that print all of them
 * (/shequ/<slug>/notices/, /shequ/<slug>/boards/).
 *
 * Why not Astro pages: at 10,000 compounds these are 20,800 pages, and each
 * went through Astro's whole route pipeline (a Request, a Response, the body
 * encoded and copied, a file written by a promise), which cost more than
 * the sheets themselves and was most of the build. Here a page is a string.
 * They are made 社区 by 社区, the work units that src/site/integrations/site-files.ts
 * shares between threads, and served by the same code in `astro dev`.
 */
import type { CommunityRecord } from '../../core/data/records.ts';
import { t } from '../../core/i18n/t.ts';
import type { SafeHtml } from '../../core/lib/html.ts';
import { sitePath } from '../../core/lib/site-path.ts';
import { getCommunities, getCompoundsOfCommunity, getSite } from '../../core/model/content.ts';
import { boardSheet } from './board-sheet.ts';
import { noticeSheet } from './notice-sheet.ts';
import { type SheetData, sheetData } from './print-data.ts';
import { printPage } from './print-page.ts';

/** The two printed sheets a compound posts: the 公示 notice and the enforcement departments' board. */
export const SHEET_KINDS = {
  notice: { sheet: noticeSheet, pageTitle: 'notice.pageTitle', allTitle: 'notice.allTitle', plural: 'notices' },
  board: { sheet: boardSheet, pageTitle: 'board.pageTitle', allTitle: 'board.allTitle', plural: 'boards' },
} as const satisfies Record<
  string,
  { sheet: (data: SheetData) => SafeHtml; pageTitle: string; allTitle: string; plural: string }
>;

export type SheetKind = keyof typeof SHEET_KINDS;
export const SHEET_KIND_NAMES = Object.keys(SHEET_KINDS) as SheetKind[];

export interface PrintPage {
  /** Its address, /c/<slug>/notice/. */
  path: string;
  html: string;
}

/** The 社区s in name order: the units the printed pages are made in. */
export const printUnits = (): Promise<CommunityRecord[]> => getCommunities();

/** The printed pages of one 社区: each of its compounds' notice and board, then its two print-all pages. */
export async function communityPrintPages(community: CommunityRecord, stylesheet: string): Promise<PrintPage[]> {
  const site = await getSite();
  const sheets = await sheetData(await getCompoundsOfCommunity(community.slug));
  // Relative to base_url, which holds the county's own path on a province portal.
  const canonical = (path: string) => new URL(path.slice(1), site.base_url).href;
  const siteName = t('site.name', { county: site.county });
  const pages: PrintPage[] = [];
  for (const kind of SHEET_KIND_NAMES) {
    const { sheet, pageTitle, allTitle, plural } = SHEET_KINDS[kind];
    const drawn = sheets.map((data) => sheet(data));
    for (const [i, data] of sheets.entries()) {
      const { slug, compound } = data.record;
      const path = `/c/${slug}/${kind}/`;
      pages.push({
        path,
        html: printPage({
          title: t(pageTitle, { name: compound.name }),
          canonical: canonical(path),
          siteName,
          back: { href: sitePath(`/c/${slug}/`), label: t('print.back', { name: compound.name }) },
          stylesheet,
          sheets: [drawn[i] as SafeHtml],
        }),
      });
    }
    const path = `/shequ/${community.slug}/${plural}/`;
    pages.push({
      path,
      html: printPage({
        title: t(allTitle, { community: community.name }),
        canonical: canonical(path),
        siteName,
        back: {
          href: sitePath(`/shequ/${community.slug}/`),
          label: t('print.backCommunity', { name: community.name }),
        },
        summary: t('print.sheetCount', { count: sheets.length }),
        stylesheet,
        sheets: drawn,
      }),
    });
  }
  return pages;
}
