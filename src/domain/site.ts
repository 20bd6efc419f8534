/** The sites Loket works on. Adding one means a folder under src/sites/ and a value here. */
export const SITES = ['x', 'facebook'] as const;
export type Site = (typeof SITES)[number];
