/**
 * The dashboard's lists as data: for each list, one row per finding
 * (compound, 社区, rule, level, since, deadline, basis) as CSV that opens in
 * Excel and as JSON, described in datapackage.json. A coverage list whose
 * compound has no finding behind it (an old compound without professional
 * management) gets one row saying 未达标, with the target's basis. And the
 * findings as Atom feeds, of the county and of each compound: what opened
 * and what was put right.
 */

import type { CompoundRecord } from '../core/data/records.ts';
import type { StringKey } from '../core/i18n/t.ts';
import { t } from '../core/i18n/t.ts';
import { fingerprint } from '../core/lib/fingerprint.ts';
import { memoize } from '../core/lib/memo.ts';
import { evaluateCompound, type Finding, isHistory, isOpen } from '../core/model/compliance.ts';
import { coverageBasis, type DashboardListId, dashboard, listFindings } from '../core/model/dashboard.ts';
import { type AtomEntry, atomFeed, newestTime } from './atom.ts';
import type { OpenDataSource } from './open-data.ts';

type Row = Record<string, unknown>;

/**
 * Every list's download reads the same dashboard: made once per bundle (the site-files worker makes it
 * while it waits to be told what to write).
 */
export const dashboardOf = memoize((bundle: OpenDataSource) =>
  dashboard(bundle.compounds, bundle.communities, bundle.today),
);

/** The rows of one list's download, compound by compound in slug order. */
export function findingRows(bundle: OpenDataSource, list: DashboardListId): Row[] {
  const board = dashboardOf(bundle);
  const community = new Map(bundle.communities.map((c) => [c.slug, c.name]));
  const rows: Row[] = [];
  for (const record of [...board.county.lists[list]].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const base = {
      compound: record.slug,
      name: record.compound.name,
      community: community.get(record.compound.community) ?? record.compound.community,
    };
    const findings: readonly Finding[] = listFindings(list, board.findings.get(record.slug) ?? []);
    for (const f of findings) {
      rows.push({
        ...base,
        rule: f.rule,
        level: t(`finding.level.${f.level}`),
        text: f.text,
        since: f.since,
        deadline: f.deadline,
        basis: t(f.basis),
      });
    }
    const basis = coverageBasis(list);
    if (findings.length === 0 && basis) {
      rows.push({
        ...base,
        rule: `coverage.${list}`,
        level: t('findings.coverage'),
        text: t(`dashboard.list.${list}` as StringKey),
        basis: t(basis),
      });
    }
  }
  return rows;
}

/** Entries per findings feed, as for the change feeds. */
const FEED_ENTRIES = 50;

/**
 * Findings as Atom entries: an open one on the day it opened, a lateness
 * put right on the day it was. Each entry's id is its rule, deadline and text, so
 * a reader sees it once, however often the site is rebuilt.
 */
function findingEntries(bundle: OpenDataSource, records: readonly CompoundRecord[]): AtomEntry[] {
  const entries: AtomEntry[] = [];
  for (const record of records) {
    const page = new URL(`c/${record.slug}/`, bundle.site.base_url).href;
    for (const f of evaluateCompound(record, bundle.today)) {
      if (!f.since || !(isOpen(f) || isHistory(f)) || f.since > bundle.today) continue;
      const key = isHistory(f) ? 'feed.findings.closed' : 'feed.findings.opened';
      entries.push({
        id: `${page}#${f.rule}@${f.deadline ?? f.since}-${fingerprint(f.text)}`,
        title: t(key, { compound: record.compound.name, level: t(`finding.level.${f.level}`) }),
        updated: `${f.since}T00:00:00+08:00`,
        link: `${page}#${f.section}`,
        lines: [f.text, t('feed.findings.basis', { basis: t(f.basis) })],
      });
    }
  }
  return entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id)).slice(0, FEED_ENTRIES);
}

/** The findings feed of the county (`records` all compounds) or of one compound. */
export function findingsFeed(
  bundle: OpenDataSource,
  options: { path: string; title: string; link: string; records: readonly CompoundRecord[] },
): string {
  const entries = findingEntries(bundle, options.records);
  return atomFeed({
    self: new URL(options.path, bundle.site.base_url).href,
    title: options.title,
    subtitle: t('feed.findings.subtitle'),
    link: new URL(options.link, bundle.site.base_url).href,
    author: t('site.name', { county: bundle.site.county }),
    updated: newestTime(
      entries.map((e) => e.updated),
      `${bundle.today}T00:00:00+08:00`,
    ),
    entries,
  });
}
