/**
 * Which of the site's colour schemes a page shows: the site adapter reads it from the page, the in-page UI
 * matches it (ui/theme.ts). Here, below both, so neither imports the other.
 */
export type Theme = 'light' | 'dim' | 'dark';
