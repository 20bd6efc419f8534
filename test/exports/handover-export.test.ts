import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/exports/csv';
import { handoversCsv, handoversJson, handoversMailto, type HandoverRecord } from '../../src/exports/handover-export';

const record: HandoverRecord = {
  caseId: 'x:1',
  reference: 'W-ABC123',
  channel: 'X',
  link: 'https://x.com/jan/status/1',
  author: 'Jan 🌷 (@jan)',
  text: 'Container "grijs", niet geleegd;\nDorpsstraat 1',
  category: 'Afval',
  note: '=HYPERLINK("https://evil.example","klik")',
  handedOverAt: '2026-11-26T09:00:00.000Z',
  agent: 'Anna',
};

describe('handover exports', () => {
  it('writes CSV with a BOM, a header, quoted cells and no formulas', () => {
    const csv = handoversCsv([record]);
    expect(csv.startsWith('\uFEFFovergedragen_op,kanaal,link,auteur,bericht,categorie,notitie,medewerker,zaak,zaaknummer\r\n')).toBe(true);
    expect(csv).toContain('"Container ""grijs"", niet geleegd;\nDorpsstraat 1"');
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    expect(csv).toContain('Jan 🌷 (@jan)');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6', "'+31 6"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['plain', 'plain'],
    [' padded', '" padded"'],
  ])('neutralises %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes JSON that reads back the same', () => {
    expect(JSON.parse(handoversJson([record])).handovers).toEqual([record]);
  });

  it('prepares an e-mail with subject and body', () => {
    const mail = handoversMailto([record], 'kcc@gemeente.nl');
    expect(mail.startsWith('mailto:kcc%40gemeente.nl?subject=')).toBe(true);
    const body = decodeURIComponent(mail.split('&body=')[1]!);
    expect(body).toContain('Notitie: =HYPERLINK');
    expect(decodeURIComponent(mail.split('subject=')[1]!.split('&')[0]!)).toBe('Overdracht webcare: Afval');
  });
});
