// test-only: docs/deploy.md and docs/deploy/ read as data, so the guide's commands can be run
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the repository's root folder */
export const REPO_DIR = fileURLToPath(new URL('../../../../', import.meta.url));
/** the guide and the files it installs */
export const GUIDE_PATH = join(REPO_DIR, 'docs', 'deploy.md');
export const DEPLOY_DIR = join(REPO_DIR, 'docs', 'deploy');

export function readGuide(): string {
  return readFileSync(GUIDE_PATH, 'utf8');
}

export function readDeployFile(name: string): string {
  return readFileSync(join(DEPLOY_DIR, name), 'utf8');
}

/** the bodies of the guide's fenced code blocks in `language` (```sh …```) */
export function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  for (const match of markdown.matchAll(fence)) blocks.push(match[1] ?? '');
  return blocks;
}

/** a shell block's commands: continuation lines joined, comments and blank lines dropped */
export function shellLines(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => stripComment(line).trim())
    .filter((line) => line !== '');
}

// a '#' that starts a word and is outside quotes starts a comment
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/**
 * Splits a command line into words as a POSIX shell would for the simple commands the guide
 * writes: '…' literal, "…" with `$name` / `${name}` expanded from `vars`, bare words the same.
 * A variable the map does not hold throws, so a new placeholder cannot slip through unchecked.
 *
 * @example
 * shellWords('pnpm ringside backup --out "$dir/x.tar.gz"', { dir: '/tmp' });
 * // ['pnpm', 'ringside', 'backup', '--out', '/tmp/x.tar.gz']
 */
export function shellWords(line: string, vars: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const expand = (text: string) =>
    text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name: string) => {
      const value = vars[name];
      if (value === undefined)
        throw new Error(`the guide uses $${name}, which the test does not set`);
      return value;
    });
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i += 1;
    } else if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end === -1) throw new Error(`unclosed ${ch} in: ${line}`);
      const inside = line.slice(i + 1, end);
      word = (word ?? '') + (ch === '"' ? expand(inside) : inside);
      i = end + 1;
    } else {
      const rest = /^[^\s'"]+/.exec(line.slice(i))?.[0] ?? ch;
      word = (word ?? '') + expand(rest);
      i += rest.length;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** the arguments of every `pnpm ringside …` command in the guide's shell blocks */
export function ringsideCommands(
  markdown: string,
  vars: Readonly<Record<string, string>>,
): string[][] {
  const commands: string[][] = [];
  for (const block of codeBlocks(markdown, 'sh')) {
    for (const line of shellLines(block)) {
      const words = shellWords(line, vars);
      const at = words.findIndex((w, i) => w === 'pnpm' && words[i + 1] === 'ringside');
      if (at !== -1) commands.push(words.slice(at + 2));
    }
  }
  return commands;
}

/**
 * The configuration variables the guide names: `NAME` (with an underscore) or `NAME=value` in
 * inline code, and `NAME=` in shell blocks, each with the values it shows.
 */
export function namedVariables(markdown: string): Map<string, string[]> {
  const named = new Map<string, string[]>();
  const add = (name: string, value?: string) => {
    const values = named.get(name) ?? [];
    if (value !== undefined) values.push(value);
    named.set(name, values);
  };
  for (const [, code] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const text = code ?? '';
    const assignment = /^([A-Z][A-Z0-9_]*)=(\S*)$/.exec(text);
    if (assignment) add(assignment[1] ?? '', assignment[2]);
    else if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text)) add(text);
  }
  for (const block of codeBlocks(markdown, 'sh')) {
    for (const [, name] of block.matchAll(/(?:^|\s)([A-Z][A-Z0-9_]*)=/gm)) add(name ?? '');
    for (const [, name] of block.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)) add(name ?? '');
  }
  return named;
}

/** `NAME=value` lines of an environment file (comments and blank lines skipped) */
export function envFileEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) entries.set(match[1] ?? '', match[2] ?? '');
  }
  return entries;
}

/** the variables the server reads: the keys of the schema in apps/server/src/env.ts */
export function serverVariables(): string[] {
  const source = readFileSync(join(REPO_DIR, 'apps', 'server', 'src', 'env.ts'), 'utf8');
  const schema = source.slice(source.indexOf('.object({'), source.indexOf('.superRefine('));
  return [...schema.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] ?? '');
}

/** a systemd unit's `Key=value` settings by section (repeated keys keep every value) */
export function unitSettings(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1] ?? '', current);
      continue;
    }
    const setting = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!setting || !current) throw new Error(`not a unit line: ${line}`);
    const key = setting[1] ?? '';
    current.set(key, [...(current.get(key) ?? []), setting[2] ?? '']);
  }
  return sections;
}

/**
 * `text` with `from` replaced by `to`, failing when `from` does not occur exactly `times`
 * (a test adapting a shipped file must notice when the file changes under it).
 */
export function replaceExactly(text: string, from: string, to: string, times = 1): string {
  const found = text.split(from).length - 1;
  if (found !== times) throw new Error(`expected ${times} × "${from}", found ${found}`);
  return text.split(from).join(to);
}
