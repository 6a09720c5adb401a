/**
 * Template downloads: one CSV and one Excel workbook per table, generated
 * from its schema, and the annotated YAML templates. Served as files so that
 * "save link as" works. The workbook's cells are text, so that Excel keeps
 * an elevator code or a phone number as typed instead of turning it into a
 * number (or 3.11E+19).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { unzipSync, zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import {
  COUNTY_FILES,
  columnDocs,
  TABLE_FILES,
  type TemplateFile,
  templateCsv,
} from '../../../../core/data/dictionary.ts';
import type { CompoundTableFile } from '../../../../core/data/tables.ts';
import { getSite } from '../../../../core/model/content.ts';
import communityYaml from '../../../templates/community.yaml?raw';
import companyYaml from '../../../templates/company.yaml?raw';
import compoundYaml from '../../../templates/compound.yaml?raw';

const YAML_TEMPLATES: Record<string, string> = {
  'compound.yaml': compoundYaml,
  'community.yaml': communityYaml,
  'company.yaml': companyYaml,
};

const xlsxName = (file: CompoundTableFile) => file.replace(/\.csv$/, '.xlsx');

// A template is made from the code (which Astro's incremental build checks) and, for a workbook, the day
// (below): so the day is its key, and a data change leaves the templates as they are.
export const getStaticPaths: GetStaticPaths = async () => {
  const { today } = await getSite();
  return [...TABLE_FILES, ...TABLE_FILES.map(xlsxName), ...COUNTY_FILES, ...Object.keys(YAML_TEMPLATES)].map(
    (file) => ({ params: { file }, cacheKey: today }),
  );
};

/**
 * A table's template as a workbook. Zipped again with every entry dated the build's day: the writer dates
 * them with the clock, and two builds of the same commit, on any machine, must give the same bytes.
 */
async function templateXlsx(name: CompoundTableFile, today: string): Promise<ArrayBuffer> {
  const docs = columnDocs(name);
  const row = (cells: (string | undefined)[]) => cells.map((value) => ({ value: value ?? '', type: String }));
  const buffer = await writeExcelFile([row(docs.map((d) => d.title)), row(docs.map((d) => d.example))]).toBuffer();
  // Local midnight: the zip format stores the local wall time, so the bytes are the same in every time zone.
  const mtime = new Date(`${today}T00:00:00`);
  const entries = Object.entries(unzipSync(new Uint8Array(buffer)));
  const zipped = zipSync(Object.fromEntries(entries.map(([entry, bytes]) => [entry, [bytes, { mtime }]])));
  return zipped.slice().buffer;
}

export const GET: APIRoute = async ({ params }) => {
  const file = String(params.file);
  const table = TABLE_FILES.find((name) => xlsxName(name) === file);
  if (table) {
    return new Response(await templateXlsx(table, (await getSite()).today), {
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  }
  const yaml = YAML_TEMPLATES[file];
  if (yaml !== undefined) return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
  return new Response(templateCsv(file as TemplateFile), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
