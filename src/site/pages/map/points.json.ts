/** Every compound's position and status, fetched by the county map when it is drawn. */
import type { APIRoute } from 'astro';
import { getCommunities, getCompounds, getSite } from '../../../core/model/content.ts';
import { mapPoints } from '../../../core/model/map-data.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const names = new Map((await getCommunities()).map((c) => [c.slug, c.name]));
  return new Response(JSON.stringify(mapPoints(await getCompounds(), names, site.today)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
