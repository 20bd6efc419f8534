import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/domain/diagnostic';
import { openLoketDb } from '../../src/storage/db';
import { recentDiagnostics, recordDiagnostic } from '../../src/storage/diagnostic-store';

const HOUR = 3_600_000;
const finding = (at: number, pageKind = 'home'): Diagnostic => ({ site: 'x', kind: 'layout-not-recognised', pageKind, at, detail: '9 rows' });

afterEach(async () => {
  await deleteDB('diag-test');
});

describe('site-health findings', () => {
  it('records one finding per site and page kind per hour and shows a week of them, newest first', async () => {
    const db = await openLoketDb('diag-test');
    expect(await recordDiagnostic(db, finding(10 * HOUR))).not.toBeNull();
    expect(await recordDiagnostic(db, finding(10.5 * HOUR))).toBeNull();
    expect(await recordDiagnostic(db, finding(10.5 * HOUR, 'status'))).not.toBeNull();
    expect(await recordDiagnostic(db, finding(11.5 * HOUR))).not.toBeNull();
    const shown = await recentDiagnostics(db, 12 * HOUR);
    expect(shown.map((d) => [d.pageKind, d.at / HOUR])).toEqual([
      ['home', 11.5],
      ['status', 10.5],
      ['home', 10],
    ]);
    expect(await recentDiagnostics(db, 10 * HOUR + 8 * 24 * HOUR)).toHaveLength(0);
    db.close();
  });
});
