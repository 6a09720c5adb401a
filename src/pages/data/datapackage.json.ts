/** The Frictionless Data Package that describes every county table (src/data/open-data.ts). */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../data/open-data.ts';
import { getOpenDataSource } from '../../model/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(dataPackage(await getOpenDataSource()), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
