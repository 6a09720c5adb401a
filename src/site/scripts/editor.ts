/**
 * The heavy half of /edit/, loaded when a committee opens its compound: it
 * fetches the compound's published files, fills the forms, computes every
 * derived number (src/core/model/draft.ts), checks the changed files with
 * the whole compound (src/core/data/check-files.ts) on every keystroke, and
 * offers the changed files and a change sheet. No framework: the page's
 * markup is the form; this only reads it and writes results into it.
 */
import './legacy.ts';
import { checkFiles } from '../../core/data/check-files.ts';
import { formatProblem, sortProblems } from '../../core/data/problems.ts';
import { t } from '../../core/i18n/t.ts';
import { checkingDate, nextQuarter, quarterOf } from '../../core/lib/calendar.ts';
import { fingerprint } from '../../core/lib/fingerprint.ts';
import { formatDate, formatQuarter } from '../../core/lib/format.ts';
import { formatYuan } from '../../core/lib/money.ts';
import {
  appendRows,
  type CompoundFiles,
  changedFee,
  computeQuarter,
  type DraftLine,
  quarterItems,
  readCompoundFiles,
} from '../../core/model/draft.ts';
import { feeLines } from '../../core/model/fee-lines.ts';
import { type FeeItem, feeItemSchema } from '../../core/schemas/fee-item.ts';
import {
  REVENUE_KINDS,
  type RevenueQuarter,
  revenueItemSchema,
  revenueQuarterSchema,
} from '../../core/schemas/public-revenue.ts';
import { fetchPublished, type PublishedCompound } from './published.ts';

/** An element of the page's own markup: missing only if the page and this script disagree. */
function $<E extends Element = HTMLElement>(root: Element, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`/edit/ has no ${selector}`);
  return found;
}
const encoder = new TextEncoder();

/** A form value through the schema's own field: its value, or the message the validator would give. */
function parse<T>(
  field: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  input: HTMLInputElement | null,
): { ok: true; value: T } | { ok: false; message: string } | undefined {
  const text = input?.value.trim() ?? '';
  if (input) input.removeAttribute('aria-invalid');
  if (text === '') return undefined;
  const result = field.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  const message = result.error.issues[0]?.message ?? '';
  input?.setAttribute('aria-invalid', 'true');
  input?.setAttribute('title', message);
  return { ok: false, message };
}

/** Everything one keystroke recomputes. */
interface Draft {
  quarter?: RevenueQuarter | undefined;
  items: ReturnType<typeof quarterItems>;
  fee?: FeeItem | undefined;
  /** Inputs the schema refused, as messages naming the field. */
  invalid: string[];
}

class Editor {
  private urls: string[] = [];
  private readonly root: HTMLElement;
  private readonly published: PublishedCompound;
  private readonly files: CompoundFiles;
  private readonly today: string;

  constructor(root: HTMLElement, published: PublishedCompound, files: CompoundFiles, today: string) {
    this.root = root;
    this.published = published;
    this.files = files;
    this.today = today;
  }

  start(): void {
    const { root, files } = this;
    $(root, '[data-name]').textContent = this.published.name;
    const latest = [...files.quarters].sort((a, b) => a.quarter.localeCompare(b.quarter)).pop();
    const since = files.compound?.public_revenue?.since;
    const next = latest ? nextQuarter(latest.quarter) : (since ?? quarterOf(this.today));
    $<HTMLInputElement>(root, '#q-quarter').value = next;
    $<HTMLInputElement>(root, '#q-published').value = this.today;
    $<HTMLInputElement>(root, '#f-announced').value = this.today;
    const select = $<HTMLSelectElement>(root, '#f-line');
    feeLines(files.fees, this.today).forEach((line, index) => {
      if (!line.current) return;
      const option = document.createElement('option');
      option.value = String(index);
      option.textContent = t('edit.feeOption', {
        item: line.current.item,
        payer: line.current.payer,
        price: formatYuan(line.current.price),
        unit: line.current.unit,
      });
      select.append(option);
    });
    this.addLine();
    $(root, '[data-add-line]').addEventListener('click', () => {
      this.addLine();
      this.update();
    });
    $(root, '[data-lines]').addEventListener('click', (event) => {
      const button = (event.target as Element).closest('[data-remove]');
      if (!button) return;
      button.closest('li')?.remove();
      this.update();
    });
    $(root, '[data-body]').addEventListener('input', () => this.update());
    $(root, '[data-print]').addEventListener('click', () => printSheet());
    $(root, '[data-body]').hidden = false;
    this.update();
  }

  private addLine(): void {
    const template = $<HTMLTemplateElement>(this.root, 'template[data-line]');
    $(this.root, '[data-lines]').append(template.content.cloneNode(true));
  }

  private read(): Draft {
    const { root } = this;
    const shape = revenueQuarterSchema.shape;
    const invalid: string[] = [];
    const field = <T>(f: Parameters<typeof parse<T>>[0], selector: string, label: string) => {
      const got = parse(f, $<HTMLInputElement>(root, selector));
      if (got && !got.ok) invalid.push(`${label}：${got.message}`);
      return got?.ok ? got.value : undefined;
    };
    const quarter = field(shape.quarter, '#q-quarter', t('edit.quarterField'));
    const published = field(shape.published, '#q-published', t('edit.publishedField'));
    const toFund = field(shape.to_maintenance_fund, '#q-fund', t('edit.fundField')) ?? 0;
    const lines: DraftLine[] = [];
    root.querySelectorAll('[data-lines] > li').forEach((li, index) => {
      const get = (name: string) => li.querySelector<HTMLInputElement>(`[data-line-field="${name}"]`);
      const item = get('item')?.value.trim() ?? '';
      const amount = parse(revenueItemSchema.shape.amount, get('amount'));
      if (amount && !amount.ok) invalid.push(t('edit.lineProblem', { n: index + 1, message: amount.message }));
      const kind = (get('kind')?.value ?? '收入') as DraftLine['kind'];
      if (item && amount?.ok && REVENUE_KINDS.includes(kind)) {
        lines.push({ kind, item, amount: amount.value, note: get('note')?.value.trim() || undefined });
      }
    });
    const draft: Draft = { items: [], invalid };
    if (quarter && published && lines.length > 0) {
      const input = { quarter, published, lines, toFund };
      const before = this.files.quarters
        .filter((q) => q.quarter < quarter)
        .sort((a, b) => a.quarter.localeCompare(b.quarter));
      const percent = this.files.compound?.public_revenue?.owner_share_percent ?? 100;
      draft.quarter = computeQuarter(input, before.pop(), percent);
      draft.items = quarterItems(input);
    }
    const line = feeLines(this.files.fees, this.today)[Number($<HTMLSelectElement>(root, '#f-line').value || -1)];
    const feeShape = feeItemSchema.shape;
    const price = field(feeShape.price, '#f-price', t('edit.priceField'));
    const effective = field(feeShape.effective, '#f-effective', t('edit.effectiveField'));
    const announced = field(feeShape.announced, '#f-announced', t('edit.announcedField'));
    if (line?.current && price !== undefined && effective && announced) {
      draft.fee = changedFee(line.current, { price, effective, announced });
    }
    return draft;
  }

  /** The changed files, by name, each the published text with the new rows appended. */
  private changedFiles(draft: Draft): Map<string, string> {
    const { texts } = this.files;
    const changed = new Map<string, string>();
    if (draft.quarter) {
      changed.set(
        'public-revenue.csv',
        appendRows(texts.get('public-revenue.csv'), revenueQuarterSchema, [draft.quarter]),
      );
      changed.set(
        'public-revenue-items.csv',
        appendRows(texts.get('public-revenue-items.csv'), revenueItemSchema, draft.items),
      );
    }
    if (draft.fee) changed.set('fees.csv', appendRows(texts.get('fees.csv'), feeItemSchema, [draft.fee]));
    return changed;
  }

  update(): void {
    const draft = this.read();
    this.showComputed(draft);
    const changed = this.changedFiles(draft);
    const result = checkFiles(
      [...changed].map(([name, text]) => ({ path: name, bytes: encoder.encode(text) })),
      {
        today: this.today,
        published: this.published.files,
        knownCommunities: JSON.parse(this.root.dataset.communities ?? '[]'),
        knownCompanies: JSON.parse(this.root.dataset.companies ?? '[]'),
      },
    );
    const problems = sortProblems(result.problems);
    const lines = [...draft.invalid, ...problems.map(formatProblem)];
    $(this.root, '[data-problems]').replaceChildren(
      ...lines.map((text) => {
        const item = document.createElement('li');
        item.className = 'finding';
        item.dataset.level = 'overdue';
        item.textContent = text;
        return item;
      }),
    );
    const errors = draft.invalid.length + problems.filter((p) => p.severity === 'error').length;
    $(this.root, '[data-summary]').textContent =
      changed.size === 0 ? t('edit.nothingYet') : errors > 0 ? t('validate.failed', { count: errors }) : t('edit.ok');
    this.showFiles(errors === 0 ? changed : new Map(), draft);
  }

  private showComputed(draft: Draft): void {
    const list = $(this.root, '[data-computed]');
    const q = draft.quarter;
    if (!q) {
      list.replaceChildren();
      return;
    }
    const percent = this.files.compound?.public_revenue?.owner_share_percent ?? 100;
    const pairs: [string, number][] = [
      [t('revenue.incomeTotal'), q.income_total ?? 0],
      [t('revenue.expenseTotal'), q.expense_total ?? 0],
      [t('revenue.net'), (q.income_total ?? 0) - (q.expense_total ?? 0)],
      [t('edit.ownerShare', { percent }), q.owner_share],
      [t('revenue.companyShare'), q.company_share],
      [t('revenue.toFund'), q.to_maintenance_fund],
      [t('revenue.balance'), q.balance],
    ];
    list.replaceChildren(
      ...pairs.flatMap(([label, fen]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = t('fund.yuan', { amount: formatYuan(fen) });
        return [dt, dd];
      }),
    );
  }

  private showFiles(changed: Map<string, string>, draft: Draft): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
    const slug = this.published.slug;
    $(this.root, '[data-files-intro]').textContent =
      changed.size > 0 ? t('edit.filesIntro', { slug }) : t('edit.filesNone');
    $(this.root, '[data-files]').replaceChildren(
      ...[...changed].map(([name, text]) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
        this.urls.push(url);
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.textContent = t('edit.download', { file: name });
        const item = document.createElement('li');
        item.append(link);
        return item;
      }),
    );
    $<HTMLButtonElement>(this.root, '[data-print]').disabled = changed.size === 0;
    $(this.root, '[data-sheet]').replaceChildren(...(changed.size > 0 ? this.sheet(changed, draft) : []));
  }

  /** The change sheet to print and sign: what changed, in words and numbers, and a fingerprint of each file. */
  private sheet(changed: Map<string, string>, draft: Draft): Node[] {
    const el = (tag: string, text: string) => {
      const node = document.createElement(tag);
      node.textContent = text;
      return node;
    };
    const nodes: Node[] = [
      el('h4', t('edit.sheetTitle', { name: this.published.name })),
      el('p', t('edit.sheetMeta', { slug: this.published.slug, date: formatDate(this.today) })),
    ];
    const q = draft.quarter;
    if (q) {
      nodes.push(el('p', t('edit.sheetQuarter', { quarter: formatQuarter(q.quarter), date: formatDate(q.published) })));
      const list = document.createElement('ul');
      for (const item of draft.items) list.append(el('li', `${item.kind} ${item.item} ${formatYuan(item.amount)} 元`));
      list.append(
        el('li', t('edit.sheetBalance', { owner: formatYuan(q.owner_share), balance: formatYuan(q.balance) })),
      );
      nodes.push(list);
    }
    if (draft.fee) {
      nodes.push(
        el(
          'p',
          t('edit.sheetFee', {
            item: draft.fee.item,
            price: formatYuan(draft.fee.price),
            unit: draft.fee.unit,
            effective: formatDate(draft.fee.effective),
            announced: formatDate(draft.fee.announced),
          }),
        ),
      );
    }
    const files = document.createElement('ul');
    for (const [name, text] of changed)
      files.append(el('li', t('edit.sheetFile', { file: name, check: fingerprint(text) })));
    nodes.push(el('p', t('edit.sheetFiles')), files, el('p', t('edit.sheetSign')));
    return nodes;
  }
}

function printSheet(): void {
  const html = document.documentElement;
  html.classList.add('printing-sheet');
  window.addEventListener('afterprint', () => html.classList.remove('printing-sheet'), { once: true });
  window.print();
}

/** Opens a compound in the editor, or says why it cannot. */
export async function openEditor(root: HTMLElement, slug: string): Promise<void> {
  const status = $(root, '[data-open-status]');
  status.textContent = t('edit.loading');
  const published = await fetchPublished(slug.trim()).catch(() => undefined);
  if (!published) {
    status.textContent = t('edit.notFound', { slug: slug.trim() });
    return;
  }
  status.textContent = '';
  const today = checkingDate(root.dataset.today ?? '');
  new Editor(root, published, readCompoundFiles(published.files), today).start();
}
