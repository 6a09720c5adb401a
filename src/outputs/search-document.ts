/**
 * What Pagefind indexes for a compound: a small HTML document made from the
 * same validated record as the compound page, rather than the page itself.
 *
 * Why not the page: its text is mostly amounts, dates and phone numbers, which
 * no resident searches for but which made the index (and the time to build
 * it) grow with every quarter published; and reading 10,000 pages back from
 * disk only starts once the last page is written. This document holds the
 * words a resident does search for — the name, the 社区, the address, the
 * company, what the compound publishes (section titles, fee and revenue
 * items), and the name's pinyin and the slug for a Latin keyboard — and can
 * be indexed while the pages are being rendered. Pagefind
 * still weighs the name as a heading, and shows the result with the title,
 * 社区 and address the page has.
 */
import { pinyin } from 'pinyin-pro';
import type { CommunityRecord, CompanyRecord } from '../core/data/records.ts';
import { t } from '../core/i18n/t.ts';
import { html } from '../core/lib/html.ts';
import { sitePath } from '../core/lib/site-path.ts';
import { isOpen } from '../core/model/compliance.ts';
import { type CompoundView, compoundView } from '../core/model/compound-view.ts';
import { SECTIONS } from '../core/model/sections.ts';
import { JSON_ARRAY, type OpenDataFile, type OpenDataSource, type Segmented, segmentedPieces } from './open-data.ts';

export interface SearchDocument {
  /** The compound page's address, /c/<slug>/. */
  url: string;
  /** The HTML Pagefind reads. */
  html: string;
}

/** A name as typed on a Latin keyboard: its pinyin syllables, and the slug seen in the address, in its parts. */
export function latinForms(name: string, slug: string) {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).filter((s) =>
    /^[a-z]+$/.test(s),
  );
  const parts = slug.split('-');
  return {
    syllables,
    /** Full pinyin, joined: jinshuiwanxiaoqu. */
    pinyin: syllables.join(''),
    /** Initials: jswxq (Pagefind matches a prefix, so jsw finds it too). */
    initials: syllables.map((s) => s[0]).join(''),
    parts,
    /** The slug joined: jinshuiwan. */
    slug: parts.join(''),
  };
}

/**
 * What a resident types for a name on a phone's Latin keyboard: its full pinyin joined and spaced, its
 * initials, and the slug, joined and in its parts. pinyin-pro runs at build only.
 */
export function latinWords(name: string, slug: string): string[] {
  const forms = latinForms(name, slug);
  return distinct([forms.pinyin, ...forms.syllables, forms.initials, forms.slug, ...forms.parts]).filter(Boolean);
}

/** Every distinct value, in first-seen order. */
const distinct = (values: readonly string[]) => [...new Set(values)];

export function searchDocument(
  view: CompoundView,
  community: CommunityRecord,
  company: CompanyRecord | undefined,
): SearchDocument {
  const { record, published } = view;
  const c = record.compound;
  const management = company ? company.name : t(`management.${c.management}`);
  const attention = view.findings.some(isOpen);
  const kinds = [c.old_compound && t('compound.old'), c.high_rise && t('compound.highRise')].filter(
    (k): k is string => typeof k === 'string',
  );
  /** Words under each published part's title. */
  const words: Partial<Record<(typeof SECTIONS)[number], string[]>> = {
    manager: c.manager ? [c.manager.name] : [],
    services: distinct(c.services?.items.map((i) => i.category) ?? []),
    fees: distinct(record.fees.map((f) => f.item)),
    'public-revenue': distinct(record.revenueItems.map((i) => i.item)),
  };
  const meta = (name: string, value: string) => html`<span data-pagefind-meta="${`${name}:${value}`}"></span>`;
  const filter = (name: string, value: string) => html`<span data-pagefind-filter="${`${name}:${value}`}"></span>`;
  const status = t(attention ? 'search.status.attention' : 'search.status.current');
  const sections = SECTIONS.filter((id) => published[id]).map(
    (id) => html`<h2>${t(`section.${id}`)}</h2><p>${(words[id] ?? []).join(' ')}</p>`,
  );
  return {
    url: sitePath(`/c/${record.slug}/`),
    html: html`<!DOCTYPE html>
      <html lang="zh-CN">
        <head><meta charset="utf-8"><title>${c.name}</title></head>
        <body data-pagefind-body>
          <h1>${c.name}</h1>
          ${meta('community', community.name)}
          ${meta('address', c.address)}
          ${filter(t('search.filter.community'), community.name)}
          ${filter(t('search.filter.company'), management)}
          ${filter(t('search.filter.status'), status)}
          <p>${[community.name, c.address, management, ...kinds].join(' ')}</p>
          ${sections}
          <p>${latinWords(c.name, record.slug).join(' ')}</p>
        </body>
      </html>`.toString(),
  };
}

/** The file of every compound's search document, in the open data. */
export const SEARCH_DOCUMENTS_FILE = 'search/documents.json';

type DocumentSource = Pick<OpenDataSource, 'communities' | 'companies' | 'compounds' | 'today'>;

/** Every compound's search document, in the compounds' order: what Pagefind indexes, and what the file below holds. */
export function* searchDocuments(source: DocumentSource): Generator<SearchDocument> {
  for (const { make } of searchDocumentMakers(source)) yield make();
}

/** Each compound's search document, in the compounds' order, made only when asked for. */
export function* searchDocumentMakers(source: DocumentSource): Generator<{ slug: string; make: () => SearchDocument }> {
  const communities = new Map(source.communities.map((c) => [c.slug, c]));
  const companies = new Map(source.companies.map((c) => [c.slug, c]));
  for (const record of source.compounds) {
    const community = communities.get(record.compound.community);
    if (!community) throw new Error(`community ${record.compound.community} missing after validation`);
    const company = record.compound.company ? companies.get(record.compound.company) : undefined;
    yield { slug: record.slug, make: () => searchDocument(compoundView(record, source.today), community, company) };
  }
}

/**
 * Every compound's search document in one file, /search/documents.json: what a province
 * portal builds one index of all its counties from (province.ts). Written with the open data.
 */
export function* searchDocumentFiles(source: DocumentSource): Generator<OpenDataFile> {
  const segmented: Segmented = {
    ...JSON_ARRAY,
    segments: function* () {
      for (const { slug, make } of searchDocumentMakers(source))
        yield { owner: slug, text: () => JSON.stringify(make()) };
    },
  };
  yield {
    path: SEARCH_DOCUMENTS_FILE,
    contentType: 'application/json; charset=utf-8',
    pieces: () => segmentedPieces(segmented),
    segmented,
  };
}
