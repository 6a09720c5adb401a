/** Atom feed of every compound's disclosure changes, newest first. */
import type { APIRoute } from 'astro';
import { t } from '../../../core/i18n/t.ts';
import { recentChanges } from '../../../core/model/changes.ts';
import { getSite } from '../../../core/model/content.ts';
import { atomResponse, changesFeed } from '../../../outputs/feeds.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return atomResponse(
    changesFeed(site, {
      path: 'feeds/changes.xml',
      title: t('feed.changes.title', { county: site.county }),
      link: 'c/',
      changes: await recentChanges(),
    }),
  );
};
