/**
 * Template downloads: one CSV per table, generated from its schema, and the
 * annotated YAML templates. Served as files so that "save link as" works.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { TABLE_FILES, templateCsv } from '../../../../core/data/dictionary.ts';
import type { CompoundTableFile } from '../../../../core/data/tables.ts';
import communityYaml from '../../../templates/community.yaml?raw';
import companyYaml from '../../../templates/company.yaml?raw';
import compoundYaml from '../../../templates/compound.yaml?raw';

const YAML_TEMPLATES: Record<string, string> = {
  'compound.yaml': compoundYaml,
  'community.yaml': communityYaml,
  'company.yaml': companyYaml,
};

export const getStaticPaths: GetStaticPaths = () =>
  [...TABLE_FILES, ...Object.keys(YAML_TEMPLATES)].map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) => {
  const file = String(params.file);
  const yaml = YAML_TEMPLATES[file];
  if (yaml !== undefined) return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
  return new Response(templateCsv(file as CompoundTableFile), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
