/**
 * Reads a YAML file so that every value can be traced back to its line and
 * column. Anchors, aliases and custom tags are refused: a committee's file
 * must say plainly what it means, and aliases can multiply a small file into a huge one.
 *
 * Two readers, one result. `yaml` reads exactly: every position, every
 * mistake with its code. It is also slow, about 1.5 ms for a compound.yaml,
 * which at 10,000 compounds was most of the validation. js-yaml reads the same
 * document ten times faster but knows less, so it only reads the plain files
 * it is sure about: when it doubts anything, or a value has to be located
 * for a message, the exact reading is made. A test compares the two on tens
 * of thousands of damaged files (tests/unit/yaml-source.test.ts).
 */
import {
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  EVENT_ID,
  FAILSAFE_SCHEMA,
  NOT_RESOLVED,
  parseEvents,
} from 'js-yaml';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { type StringKey, t } from '../i18n/t.ts';
import { bidiProblems, decodeText, hasBidiControl } from './decode.ts';
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

/**
 * Digits a person types with a leading zero (an account tail 0759, a phone
 * number 09947231234) stay text: YAML would read them as numbers and drop the zero.
 */
const TYPED_DIGITS = /^0\d/;

/** A plain scalar's reading in the YAML 1.2 core schema, exactly as `yaml` reads it (schema: 'core'). */
const coreScalar = (tag: string, read: (text: string) => unknown) =>
  defineScalarTag(`tag:yaml.org,2002:${tag}`, {
    implicit: true,
    identify: () => false,
    resolve: (text, explicit) => (explicit ? NOT_RESOLVED : read(text)),
  });

const number = (text: string, value: number) => (TYPED_DIGITS.test(text) ? NOT_RESOLVED : value);

const QUICK_SCHEMA = FAILSAFE_SCHEMA.withTags(
  // Text keys only, as the schemas use them: any other key is left to the exact reading.
  defineMappingTag('tag:yaml.org,2002:map', {
    create: (): Record<string, unknown> => ({}),
    identify: () => false,
    addPair: (map, key, value) => {
      if (typeof key !== 'string') return 'not a text key';
      if (key === '__proto__')
        Object.defineProperty(map, key, { value, enumerable: true, configurable: true, writable: true });
      else map[key] = value;
      return '';
    },
    has: (map, key) => typeof key === 'string' && Object.hasOwn(map, key),
    keys: (map) => Object.keys(map),
    get: (map, key) => map[key as string],
  }),
  coreScalar('null', (text) => (/^(?:~|[Nn]ull|NULL)?$/.test(text) ? null : NOT_RESOLVED)),
  coreScalar('bool', (text) =>
    /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text) ? text[0] === 't' || text[0] === 'T' : NOT_RESOLVED,
  ),
  coreScalar('int', (text) => {
    if (/^0o[0-7]+$/.test(text)) return number(text, Number.parseInt(text.substring(2), 8));
    if (/^[-+]?[0-9]+$/.test(text)) return number(text, Number.parseInt(text, 10));
    if (/^0x[0-9a-fA-F]+$/.test(text)) return number(text, Number.parseInt(text.substring(2), 16));
    return NOT_RESOLVED;
  }),
  coreScalar('float', (text) => {
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
      return text.slice(-3).toLowerCase() === 'nan' ? Number.NaN : text[0] === '-' ? -Infinity : Infinity;
    }
    if (
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)
    ) {
      return number(text, Number.parseFloat(text));
    }
    return NOT_RESOLVED;
  }),
);

/** YAML allows an implicit key of at most 1024 characters; the exact reading says so in Chinese. */
function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > 1024) return true;
    start = stop + 1;
  }
  return false;
}

/**
 * The data of a plain file, read quickly; undefined whenever the exact
 * reading could have something to say: a syntax it reports that js-yaml
 * accepts (tabs, overlong keys), anchors, aliases, tags, directives, several
 * documents, keys other than text, an empty document.
 */
export function quickYaml(text: string): unknown {
  if (text.includes('\t') || hasLongLine(text)) return undefined;
  try {
    const events = parseEvents(text, {});
    let documents = 0;
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT) {
        documents += 1;
        if (event.explicitStart || event.explicitEnd || event.directives.length > 0) return undefined;
      } else if (event.type === EVENT_ID.ALIAS) {
        return undefined;
      } else if (event.type !== EVENT_ID.POP && (event.anchorStart >= 0 || event.tagStart >= 0)) {
        return undefined;
      }
    }
    if (documents !== 1) return undefined;
    const [data] = constructFromEvents(events, { source: text, schema: QUICK_SCHEMA, maxAliases: 0 });
    return data === null ? undefined : data;
  } catch {
    return undefined;
  }
}

/**
 * Direction controls in what was read, keys included: a double-quoted "\u202E" is one
 * too, though the file shows only its escape. Each is located at its value or key.
 */
function controlsIn(file: string, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], key: boolean, found: string) => {
    const at = source.locate(path, { key });
    const expected = t('decode.bidi');
    problems.push({
      file,
      line: at.line,
      column: at.column,
      field: path.join('.'),
      label: t('decode.textLabel'),
      expected,
      found,
      severity: 'error',
    });
  };
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (hasBidiControl(value)) report(path, false, value);
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (hasBidiControl(key)) report([...path, key], true, key);
        walk(item, [...path, key]);
      }
    }
  };
  walk(source.data, []);
  return problems;
}

/** `exact` skips the quick reading: the tests compare the two. */
export function readYaml(file: string, bytes: Uint8Array, options: { exact?: boolean } = {}): YamlSource {
  const decoded = decodeText(file, bytes);
  const quick = !options.exact && decoded.problems.length === 0 && decoded.text !== undefined;
  const data = quick ? quickYaml(decoded.text as string) : undefined;
  let source: YamlSource;
  if (data === undefined) {
    source = readExactly(file, decoded.text ?? '', decoded.problems);
  } else {
    // Located only for a message: the exact reading, made the first time it is asked for.
    let exact: YamlSource | undefined;
    const text = decoded.text as string;
    source = {
      data,
      problems: [],
      locate: (path, options) => {
        exact ??= readExactly(file, text, []);
        return exact.locate(path, options);
      },
    };
  }
  // Reported beside the data, not instead of it: the file's other mistakes are found in the same run.
  // A file that could not be read is searched as text, so that a control is named even then.
  const controls = source.data === undefined ? bidiProblems(file, decoded.text ?? '') : controlsIn(file, source);
  return { ...source, problems: [...source.problems, ...controls] };
}

/** The exact reading, with `yaml`: every problem in Chinese at its line and column. */
function readExactly(file: string, text: string, decodeProblems: Problem[]): YamlSource {
  const problems: Problem[] = [...decodeProblems];
  const lineCounter = new LineCounter();
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
      if (isScalar(node) && typeof node.value === 'number' && node.source && TYPED_DIGITS.test(node.source)) {
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
