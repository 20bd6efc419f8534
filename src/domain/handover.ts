/**
 * Handing a case over to the customer contact centre (KCC): the categories a KCC works with, and what a
 * handover records. The export formats (CSV, JSON, a prepared e-mail) are in src/exports/handover-export.ts.
 */

export const KCC_CATEGORIES = ['Afval', 'Burgerzaken', 'Parkeren', 'Openbare ruimte', 'WMO/zorg', 'Belastingen', 'Verkeer', 'Vergunningen', 'Overig'] as const;

export interface Handover {
  category: string;
  note: string;
  at: number;
  agent: string;
}
