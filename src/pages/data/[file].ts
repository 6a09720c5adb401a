/** The county-wide tables: `/data/<table>.csv` and `/data/<table>.json` (src/data/open-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COUNTY_TABLES, type CountyTable, countyCsv, countyJson } from '../../data/open-data.ts';
import { getOpenDataSource } from '../../model/open-data.ts';

export const getStaticPaths: GetStaticPaths = () =>
  COUNTY_TABLES.flatMap((table) => ['csv', 'json'].map((ext) => ({ params: { file: `${table}.${ext}` } })));

export const GET: APIRoute = async ({ params }) => {
  const [table = '', ext] = String(params.file).split('.');
  const source = await getOpenDataSource();
  return ext === 'csv'
    ? new Response(countyCsv(source, table as CountyTable), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(countyJson(source, table as CountyTable), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
};
