/**
 * The environment of the site under test: the bundled sample data, built on
 * 2026-11-20 (China Standard Time) into its own folder.
 */
/** GONGSHI_TEST_PORT and GONGSHI_TEST_OUT_DIR let two test runs share a machine. */
export const TEST_PORT = Number(process.env.GONGSHI_TEST_PORT ?? 4329);
export const TEST_DATE = '2026-11-20';
export const TEST_EPOCH = String(Date.parse(`${TEST_DATE}T00:00:00+08:00`) / 1000);
export const TEST_OUT_DIR = process.env.GONGSHI_TEST_OUT_DIR ?? 'tests/.tmp/site';

export const TEST_ENV: Record<string, string> = {
  SOURCE_DATE_EPOCH: TEST_EPOCH,
  GONGSHI_OUT_DIR: TEST_OUT_DIR,
  ASTRO_TELEMETRY_DISABLED: '1',
  // The sample's 17 compounds in three parts of the search index, as a county of 10,000 would be in four:
  // the search pages are tested merging them (src/core/lib/search-parts.ts).
  GONGSHI_SEARCH_PART_SIZE: '6',
};
