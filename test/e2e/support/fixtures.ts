import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function fixture(path: string): string {
  return readFileSync(join(resolve('test/fixtures'), path), 'utf8');
}
