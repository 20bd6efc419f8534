import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = join(process.cwd(), 'assets', '_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the message catalogues', () => {
  const nl = load('nl');
  const en = load('en');

  it('are Dutch and English, with Dutch the default', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'nl']);
    expect(JSON.parse(readFileSync('manifest.json', 'utf8')).default_locale).toBe('nl');
  });

  it('have the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl)) {
      expect(Object.keys(en[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(nl[key]!.placeholders ?? {}).sort());
      for (const name of Object.keys(nl[key]!.placeholders ?? {})) {
        expect(nl[key]!.message.toLowerCase(), key).toContain(`$${name.toLowerCase()}$`);
        expect(en[key]!.message.toLowerCase(), key).toContain(`$${name.toLowerCase()}$`);
      }
      expect(nl[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('hold every key the manifest names', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(nl, key).toHaveProperty(key!);
  });

  it('hold every key the code uses (status keys included)', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'(\w+)'/g)) used.add(key!);
    }
    for (const status of ['new', 'in_progress', 'waiting', 'handed_over', 'closed']) used.add(`status_${status}`);
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(nl, key).toHaveProperty(key);
  });
});
