/**
 * Reads a YAML file so that every value can be traced back to its line and
 * column. Anchors, aliases and custom tags are refused: a committee's file
 * must say plainly what it means, and aliases can multiply a small file into a huge one.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { type StringKey, t } from '../i18n/t.ts';
import { decodeText } from './decode.ts';
import type { Problem } from './problems.ts';

export interface Position {
  line: number;
  column: number;
  /** Source text of the value at that place, when there is one. */
  found?: string | undefined;
}

export interface YamlSource {
  /** The plain data, or undefined when the file could not be read at all. */
  data: unknown;
  /** Where a field path is in the file, or where it should have been. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
  problems: Problem[];
}

const YAML_ERROR_KEYS: Record<string, StringKey> = {
  DUPLICATE_KEY: 'yaml.duplicateKey',
  BAD_INDENT: 'yaml.badIndent',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.badIndent',
  MULTILINE_IMPLICIT_KEY: 'yaml.badIndent',
  TAB_AS_INDENT: 'yaml.tabIndent',
  MISSING_CHAR: 'yaml.missingChar',
  BAD_SCALAR_START: 'yaml.badStart',
  BAD_DQ_ESCAPE: 'yaml.badEscape',
  MULTIPLE_DOCS: 'yaml.multipleDocs',
  KEY_OVER_1024_CHARS: 'yaml.longKey',
  NON_STRING_KEY: 'yaml.badKey',
  BLOCK_IN_FLOW: 'yaml.badBracket',
  UNEXPECTED_TOKEN: 'yaml.unexpected',
};

/** The only tags a plain file may name: `!!binary`, `!!js/function`, `!!set` and the like are refused too. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((n) => `tag:yaml.org,2002:${n}`));

export function readYaml(file: string, bytes: Uint8Array): YamlSource {
  const problems: Problem[] = [];
  const decoded = decodeText(file, bytes);
  problems.push(...decoded.problems);
  const lineCounter = new LineCounter();
  const text = decoded.text ?? '';
  const doc: Document.Parsed = parseDocument(text, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
  });

  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problemAt = (offset: number, expected: string, found?: string): Problem => ({
    file,
    ...at(offset),
    field: '',
    label: t('yaml.label'),
    expected,
    found,
    severity: 'error',
  });

  // An unknown tag is reported below, in Chinese and at the tag itself.
  const warnings = doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED');
  for (const error of [...doc.errors, ...warnings]) {
    // One mistake often confuses the parser for the rest of its line: the first report of a line is the useful one.
    const at = problemAt(error.pos[0], t(YAML_ERROR_KEYS[error.code] ?? 'yaml.syntax'));
    if (!problems.some((p) => p.line === at.line)) problems.push(at);
  }
  visit(doc, {
    Alias(_, node) {
      problems.push(problemAt(node.range?.[0] ?? 0, t('yaml.noAlias'), `*${node.source}`));
    },
    Node(_, node) {
      // YAML reads 0759 or 09947231234 as numbers and drops the leading zero; people typing
      // them mean digits (account tails, phone numbers), so such scalars stay text. Done in
      // this one walk of the document: if there are errors, the document is not used at all.
      if (isScalar(node) && typeof node.value === 'number' && node.source && /^0\d/.test(node.source)) {
        node.value = node.source;
      }
      if (node.anchor) problems.push(problemAt(node.range?.[0] ?? 0, t('yaml.noAnchor'), `&${node.anchor}`));
      if (node.tag && !CORE_TAGS.has(node.tag)) {
        const valueAt = node.range?.[0] ?? 0;
        let tagAt = text.lastIndexOf('!', valueAt);
        while (tagAt > 0 && text[tagAt - 1] === '!') tagAt--;
        // Show the tag as written (`!!binary`), not as resolved (`tag:yaml.org,2002:binary`).
        const written = tagAt >= 0 ? /^!\S*/.exec(text.slice(tagAt))?.[0] : undefined;
        problems.push(problemAt(tagAt >= 0 ? tagAt : valueAt, t('yaml.noTag'), written ?? node.tag));
      }
    },
  });
  if (problems.some((p) => p.severity === 'error')) {
    return { data: undefined, locate: () => ({ line: 1, column: 1 }), problems };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  if (data === null || data === undefined) {
    problems.push(problemAt(0, t('yaml.empty')));
  }

  function locate(path: readonly PropertyKey[], options: { key?: boolean } = {}): Position {
    let node: unknown = doc.contents;
    let keyOffset = 0;
    for (const [depth, key] of path.entries()) {
      const next = isMap(node)
        ? node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
        : isSeq(node) && typeof key === 'number'
          ? (node.items[key] as Node | undefined)
          : undefined;
      // A missing field is reported at the key of the deepest part that is there.
      if (!next) return { ...at(keyOffset), found: undefined };
      if (isPair(next)) {
        keyOffset = (isScalar(next.key) && next.key.range?.[0]) || keyOffset;
        // A field that should not be there is pointed out by its name, not its value.
        if (options.key && depth === path.length - 1) return { ...at(keyOffset), found: String(key) };
        node = next.value;
      } else {
        keyOffset = (next as Node).range?.[0] ?? keyOffset;
        node = next;
      }
    }
    if (isScalar(node) && node.range) {
      const empty = node.value === null || node.value === '';
      return { ...at(node.range[0]), found: empty ? undefined : (node.source ?? String(node.value)) };
    }
    if (isMap(node)) return { ...at(keyOffset), found: t('yaml.foundMap') };
    if (isSeq(node)) return { ...at(keyOffset), found: t('yaml.foundList') };
    return { ...at(keyOffset), found: undefined };
  }

  return { data, locate, problems };
}
