import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from '../../src/exports/csv';

describe('the one CSV writer', () => {
  it('writes a BOM, CRLF line ends and a closing CRLF, header first', () => {
    expect(csvFile(['a', 'b'], [['1', '2'], ['3', '4']])).toBe('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    expect(csvFile(['a'], [])).toBe('\uFEFFa\r\n');
  });

  it('quotes a cell with a quote, comma, semicolon, line break or surrounding space', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('never lets a cell start a formula: = + - @ and control characters get an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', '\u0001']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("https://evil.example")')).toBe(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csvCell('1+1')).toBe('1+1');
  });
});
