/**
 * The files a build keeps in its cache folder for the next one (validation
 * results, the git history read so far), in V8's serialisation, which keeps
 * Maps and is quick to read back. Node only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What the file holds, or undefined when there is none or this program cannot read it: then the work is done again. */
export function readKept<T>(file: string): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return readKeptBytes<T>(bytes);
}

/** What serialised bytes held (readKept, for bytes kept inside a file), or undefined when this program cannot read them. */
export function readKeptBytes<T>(bytes: Uint8Array): T | undefined {
  try {
    return deserialize(bytes) as T;
  } catch {
    return undefined;
  }
}

/** Writes whole or not at all: a build stopped halfway leaves the previous file, never half of one. */
export function writeKept(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, serialize(value));
  renameSync(temporary, file);
}
