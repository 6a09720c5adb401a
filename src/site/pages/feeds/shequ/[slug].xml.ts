/** Atom feed of the disclosure changes of one 社区's compounds. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CommunityRecord } from '../../../../core/data/records.ts';
import { t } from '../../../../core/i18n/t.ts';
import { recentChanges } from '../../../../core/model/changes.ts';
import { getCommunities, getSite } from '../../../../core/model/content.ts';
import { atomResponse, changesFeed } from '../../../../outputs/feeds.ts';
import { communityPageKeys, keyOf } from '../../../page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const [communities, keys] = await Promise.all([getCommunities(), communityPageKeys()]);
  return communities.map((community) => ({
    params: { slug: community.slug },
    props: { community },
    cacheKey: keyOf(keys, community.slug),
  }));
};

export const GET: APIRoute = async ({ props }) => {
  const community = props.community as CommunityRecord;
  const site = await getSite();
  return atomResponse(
    changesFeed(site, {
      path: `feeds/shequ/${community.slug}.xml`,
      title: t('feed.shequ.title', { community: community.name }),
      link: `shequ/${community.slug}/`,
      changes: await recentChanges((record) => record.compound.community === community.slug),
    }),
  );
};
