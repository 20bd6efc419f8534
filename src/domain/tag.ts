/** A label an agent puts on a case: a topic ("Afval") or a kind of message ("Klacht"), optionally grouped. */
export interface Tag {
  id: string;
  label: string;
  /** CSS colour of the chip, e.g. "#1d6f42". */
  color: string;
  /** Group path shown before the label, e.g. "Dienstverlening". */
  group?: string;
  retired?: boolean;
}
