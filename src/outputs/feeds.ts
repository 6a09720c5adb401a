/**
 * The Atom feeds: changes county-wide and per 社区 from the git history, and
 * the maintainers' notices. Times are the commits' and the notices' own, so a
 * rebuild of the same commit gives the same feed.
 */
import type { HistorySection } from '../core/data/history.ts';
import { t } from '../core/i18n/t.ts';
import type { CompoundChange } from '../core/model/changes.ts';
import type { SiteData } from '../core/model/content.ts';
import type { Notice } from '../core/schemas/notice.ts';
import { type AtomEntry, atomFeed, newestTime } from './atom.ts';

/** Entries per feed: readers poll often, and the pages keep the full record. */
export const FEED_ENTRIES = 50;

const sectionTitle = (section: HistorySection) => (section === 'facts' ? t('history.facts') : t(`section.${section}`));

/** A day of the build, as a feed time, for a feed with no entries yet. */
const buildTime = (site: SiteData) => `${site.today}T00:00:00+08:00`;

export function changeEntry({ record, entry }: CompoundChange, baseUrl: string): AtomEntry {
  const page = new URL(`c/${record.slug}/`, baseUrl).href;
  const parts = entry.created
    ? t('feed.created')
    : [...new Set(entry.changes.map((c) => sectionTitle(c.section)))].join('、');
  return {
    id: `${page}#change-${entry.commit}`,
    title: t('feed.entryTitle', { compound: record.compound.name, parts }),
    updated: entry.time,
    link: `${page}#history`,
    lines: entry.changes.map((c) => c.text),
  };
}

export function changesFeed(
  site: SiteData,
  options: { path: string; title: string; link: string; changes: CompoundChange[] },
): string {
  const entries = options.changes.slice(0, FEED_ENTRIES).map((change) => changeEntry(change, site.base_url));
  return atomFeed({
    self: new URL(options.path, site.base_url).href,
    title: options.title,
    subtitle: t('feed.changes.subtitle'),
    link: new URL(options.link, site.base_url).href,
    author: t('site.name', { county: site.county }),
    updated: newestTime(
      entries.map((e) => e.updated),
      buildTime(site),
    ),
    entries,
  });
}

/** A notice as the feed needs it: the frontmatter of content/notices/<id>.mdx (src/core/schemas/notice.ts). */
export interface FeedNotice {
  id: string;
  data: Notice;
}

/** The notices feed; `notices` newest first. */
export function noticesFeed(site: SiteData, notices: readonly FeedNotice[]): string {
  const entries: AtomEntry[] = notices.slice(0, FEED_ENTRIES).map((notice) => {
    const page = new URL(`notices/${notice.id}/`, site.base_url).href;
    return {
      id: page,
      title: notice.data.title,
      updated: `${notice.data.date}T00:00:00+08:00`,
      link: page,
      summary: notice.data.summary,
    };
  });
  return atomFeed({
    self: new URL('feeds/notices.xml', site.base_url).href,
    title: t('feed.notices.title', { county: site.county }),
    link: new URL('notices/', site.base_url).href,
    author: t('site.name', { county: site.county }),
    updated: newestTime(
      entries.map((e) => e.updated),
      buildTime(site),
    ),
    entries,
  });
}

export const atomResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
