/**
 * src/ reads core → outputs → site, and the arrows only point that way: the
 * core (schemas, reading and validation, model, lib) imports nothing from
 * Astro, the outputs or the site; the outputs nothing from Astro or the site;
 * and no file reaches into a dependency's private files. The modules the
 * browser's checker loads use no Node API, so that the same core runs there.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from './helpers.ts';

const SRC = path.join(PROJECT_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro|mjs)$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Every module a file imports, as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** The top folder of src/ an import lands in, or the package it names. */
function landsIn(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), specifier)).split(path.sep)[0] ?? '';
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(landsIn(file, specifier)))
      .map((specifier) => `${dir}/${file}: ${specifier}`),
  );
}

const isAstro = (target: string) => /^(astro|@astrojs)(\/|:|$)/.test(target) || target.startsWith('astro:');

describe('the layers of src/', () => {
  it('src/ holds exactly core, outputs and site', () => {
    assert.deepEqual(readdirSync(SRC).sort(), ['core', 'outputs', 'site']);
  });

  it('the core imports nothing from Astro, the outputs or the site', () => {
    assert.deepEqual(
      violations('core', (target) => isAstro(target) || target === 'outputs' || target === 'site'),
      [],
    );
  });

  it('the outputs import nothing from Astro or the site', () => {
    assert.deepEqual(
      violations('outputs', (target) => isAstro(target) || target === 'site'),
      [],
    );
  });

  it('nothing reaches into a dependency’s private files', () => {
    const all = ['core', 'outputs', 'site'].flatMap((dir) =>
      sources(dir).flatMap((file) => importsOf(file).map((specifier) => `${dir}/${file}: ${specifier}`)),
    );
    assert.deepEqual(
      all.filter((line) => /: (astro|@astrojs\/[\w-]+|zod|vite)\/(dist|src|internal)\//.test(line)),
      [],
    );
  });

  it('the checker the browser loads uses no Node API', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.'))
          visit(path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), specifier)));
      }
    };
    visit('site/scripts/validate-in-browser.ts');
    assert.ok(seen.has('core/data/validate-content.ts'));
    const node = [...seen].flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('node:'))
        .map((specifier) => `${file}: ${specifier}`),
    );
    assert.deepEqual(node, []);
  });
});
