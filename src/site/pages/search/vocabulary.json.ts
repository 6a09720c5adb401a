/**
 * The Chinese words residents are likely to search for, segmented at build
 * time by Node's ICU as a browser would: fetched only by browsers without
 * Intl.Segmenter, to split their queries the way Pagefind expects.
 */
import type { APIRoute } from 'astro';
import { chineseWords } from '../../../core/lib/segment.ts';
import { getCommunities, getCompanies, getCompounds } from '../../../core/model/content.ts';

/** Topics residents search for that may not be in any name. */
const TOPICS = [
  '公共收益',
  '停车费',
  '物业费',
  '物业服务费',
  '电梯',
  '维修资金',
  '业主委员会',
  '业委会',
  '收费标准',
  '投诉电话',
  '报修电话',
];

export const GET: APIRoute = async () => {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const texts = [
    ...TOPICS,
    ...(await getCommunities()).map((c) => c.name),
    ...(await getCompanies()).map((c) => c.name),
    ...(await getCompounds()).flatMap((r) => [
      r.compound.name,
      r.compound.address,
      ...r.fees.map((f) => f.item),
      ...r.revenueItems.map((i) => i.item),
      ...(r.compound.services?.items.map((i) => i.category) ?? []),
    ]),
  ];
  const words = new Set<string>(TOPICS);
  // Five years of quarters repeat the same revenue items: segment each distinct text once.
  for (const text of new Set(texts)) for (const word of chineseWords(text, segmenter)) words.add(word);
  return new Response(JSON.stringify([...words].sort()), { headers: { 'Content-Type': 'application/json' } });
};
