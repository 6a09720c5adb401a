/** Atom feed of the maintainers' notices (content/notices/). */
import type { APIRoute } from 'astro';
import { getSite } from '../../model/content.ts';
import { atomResponse, noticesFeed } from '../../model/feeds.ts';

export const GET: APIRoute = async () => atomResponse(await noticesFeed(await getSite()));
