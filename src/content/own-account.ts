/**
 * The agent's own accounts from the settings ("@gemeentevoorbeeld, Gemeente Voorbeeld"): X handles or
 * display names, Facebook Page names. Compared without case and spacing differences. The parsed list is
 * kept until the setting changes: this runs for every post read.
 */
import type { PostRef } from '../domain/post-ref';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
let parsedAccounts: { from: string; names: string[] } = { from: '', names: [] };

function parsed(ownAccounts: string): string[] {
  if (parsedAccounts.from !== ownAccounts) parsedAccounts = { from: ownAccounts, names: ownAccounts.split(',').map(norm).filter(Boolean) };
  return parsedAccounts.names;
}

export function isOwnAccount(post: Pick<PostRef, 'author'>, ownAccounts: string): boolean {
  const own = parsed(ownAccounts);
  if (own.length === 0) return false;
  return [post.author.name, post.author.handle ?? ''].map(norm).some((n) => n !== '' && own.includes(n));
}

/** Whether the setting names an account by display name (not only by @handle): only then is a post's name needed to tell. */
export function namesAccountsByName(ownAccounts: string): boolean {
  return parsed(ownAccounts).some((n) => !n.startsWith('@'));
}
