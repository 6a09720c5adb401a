/**
 * Prints the table of every rule for docs/rules.md: key, what it checks, its
 * cadence or deadline, and its basis, in page order. Run it after adding a
 * rule, paste the output, and format with biome.
 */
import { type StringKey, t } from '../../src/core/i18n/t.ts';
import { RULES } from '../../src/core/model/compliance.ts';

const duty = (key: string) => key.endsWith('.published') || key.endsWith('.current');
console.log('| 规则 | 检查什么 | 周期或期限 | 依据 |');
console.log('| --- | --- | --- | --- |');
for (const rule of RULES) {
  const what = duty(rule.key) ? `${t(`section.${rule.section}` as StringKey)}：${t(rule.title)}` : t(rule.title);
  console.log(`| \`${rule.key}\` | ${what} | ${t(rule.cadence)} | ${t(rule.basis)} |`);
}
