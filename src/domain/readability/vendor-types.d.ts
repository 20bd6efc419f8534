// Type declarations for the hyphenation engine and its Dutch patterns, which ship none.
declare module 'hypher' {
  interface HypherLanguage {
    id?: string;
    leftmin: number;
    rightmin: number;
    patterns: Record<number, string>;
    exceptions?: string;
  }
  class Hypher {
    constructor(language: HypherLanguage);
    /** The word split at its hyphenation points. */
    hyphenate(word: string): string[];
  }
  export = Hypher;
}

declare module 'hyphenation.nl' {
  const language: { id: string; leftmin: number; rightmin: number; patterns: Record<number, string> };
  export = language;
}
