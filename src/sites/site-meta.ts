/**
 * What Loket knows about a site without its DOM: the bottom "site meta" layer. A site's meta
 * (src/sites/<site>/meta.ts) names it, lists its hosts, reads and writes the site's part of a case id and
 * sets its default response target; src/sites/registry.ts lists the metas, and the manifest, the message
 * schemas, the policy schema, the forms and every label are derived from that list.
 *
 * Pure data and string logic: this file, the registry and the metas import nothing of ours but each other
 * (no domain, no DOM, no browser API), so every layer may import them.
 */

/** The post, and for a comment the comment, that the site's part of a case id names. */
export interface PostKey {
  postId: string;
  commentId?: string;
}

export interface SiteMeta<Id extends string = string> {
  /** Loket's name for the site: stored in every case, in template files, policies and sync documents. */
  readonly id: Id;
  /** The site's name as users see it, in every language (a brand): "X", "Facebook". Also `{{kanaal}}`. */
  readonly label: string;
  /**
   * The site's registrable domains, the canonical one first: "twitter.com" is "x.com". A profile link on any
   * subdomain of these (www., m., mobile., web.) names someone on this site.
   */
  readonly domains: readonly string[];
  /** Every host Loket runs on: the manifest's host permissions and content-script matches. */
  readonly hosts: readonly string[];
  /** How a case id of this site looks: `<prefix>:<key>`. */
  readonly caseId: {
    readonly prefix: string;
    /** The post (and comment) a key names; null when the key is not one this site makes. */
    parse(key: string): PostKey | null;
    /** The key of a post or comment; parse() decides whether it is valid. */
    format(postId: string, commentId?: string): string;
  };
  /** Default office time until the first response is due, in minutes. */
  readonly firstResponseMinutes: number;
  /**
   * How the municipality's own accounts on the site are written: `handle` — @ and letters, digits or _ (the
   * @ is added when left out); `name` — the name the page shows, free text.
   */
  readonly ownAccount: 'handle' | 'name';
  /** What IT types for an own account, for the policy schema and its messages: "X handles, …". */
  readonly ownAccountHelp: string;
  /** Whether the site limits a reply's length as X does (twitter-text's weighted count, 280). */
  readonly replyLength?: 'twitter-text';
}

/** Keeps a meta's id as a literal type, so the registry can derive the `Site` union from its list. */
export function defineSite<const Id extends string>(meta: SiteMeta<Id>): SiteMeta<Id> {
  return meta;
}
