/** Everything published about one compound as one JSON document: `/data/c/<slug>.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compoundJson } from '../../../data/open-data.ts';
import type { CompoundRecord } from '../../../data/records.ts';
import { getCompounds } from '../../../model/content.ts';
import { getOpenDataSource } from '../../../model/open-data.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getCompounds()).map((record) => ({ params: { slug: record.slug }, props: { record } }));

export const GET: APIRoute = async ({ props }) =>
  new Response(compoundJson(await getOpenDataSource(), props.record as CompoundRecord), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
