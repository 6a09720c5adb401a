/** Atom feed of the maintainers' notices (content/notices/). */
import type { APIRoute } from 'astro';
import { getSite } from '../../../core/model/content.ts';
import { atomResponse, noticesFeed } from '../../../outputs/feeds.ts';
import { getNotices } from '../../notices.ts';

export const GET: APIRoute = async () => atomResponse(noticesFeed(await getSite(), await getNotices()));
