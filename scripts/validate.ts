/**
 * `npm run validate`: checks all of content/ with the same code as the build
 * and prints every problem, each as file:line:column. Exits 1 on any error.
 */
import { loadContent } from '../src/data/load-content.ts';
import { defaultLoadOptions } from '../src/data/options.ts';
import { formatProblem, sortProblems } from '../src/data/problems.ts';
import { t } from '../src/i18n/t.ts';

const options = defaultLoadOptions();
const { bundle, problems } = await loadContent(options);
for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
if (errors > 0 || !bundle) {
  console.log(t('validate.failed', { count: errors }));
  process.exitCode = 1;
} else {
  console.log(t('validate.ok', { compounds: bundle.compounds.length, today: options.today }));
}
