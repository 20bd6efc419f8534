/**
 * The agent's own accounts from the settings ("@gemeentevoorbeeld, Gemeente Voorbeeld"): X handles or
 * display names, Facebook Page names. Compared without case and spacing differences. The parsed list is
 * kept until the setting changes: this runs for every post read.
 */
import type { PostRef } from '../domain/post-ref';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
let parsedAccounts: { from: string; names: string[] } = { from: '', names: [] };

export function isOwnAccount(post: Pick<PostRef, 'author'>, ownAccounts: string): boolean {
  if (parsedAccounts.from !== ownAccounts) parsedAccounts = { from: ownAccounts, names: ownAccounts.split(',').map(norm).filter(Boolean) };
  const own = parsedAccounts.names;
  if (own.length === 0) return false;
  return [post.author.name, post.author.handle ?? ''].map(norm).some((n) => n !== '' && own.includes(n));
}
