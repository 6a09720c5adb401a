/**
 * One compound's tables, `/data/c/<slug>/fees.csv` and so on: the same file
 * names and format as its folder in content/, for the tables it has rows in.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CompoundTable, compoundCsv, compoundTableFile, compoundTables } from '../../../../data/open-data.ts';
import type { CompoundRecord } from '../../../../data/records.ts';
import { getCompounds } from '../../../../model/content.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getCompounds()).flatMap((record) =>
    compoundTables(record).map((table) => ({
      params: { slug: record.slug, file: compoundTableFile(table) },
      props: { record, table },
    })),
  );

export const GET: APIRoute = ({ props }) =>
  new Response(compoundCsv(props.record as CompoundRecord, props.table as CompoundTable), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
