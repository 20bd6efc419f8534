import { describe, expect, it } from 'vitest';
import { caseIdFor, isCaseId, parseCaseId, siteOfCaseId } from '../../src/domain/case-id';

describe('case ids', () => {
  it('names a tweet by its status id', () => {
    expect(caseIdFor('x', '1790000000000000001')).toBe('x:1790000000000000001');
    expect(parseCaseId('x:1790000000000000001')).toEqual({ site: 'x', postId: '1790000000000000001' });
  });

  it('names a Facebook post, comment and reply', () => {
    expect(caseIdFor('facebook', 'pfbid02abcDEF1234567890xyz')).toBe('fb:pfbid02abcDEF1234567890xyz');
    expect(caseIdFor('facebook', '123456', '987654')).toBe('fb:123456/987654');
    expect(parseCaseId('fb:123456/987654')).toEqual({ site: 'facebook', postId: '123456', commentId: '987654' });
    expect(siteOfCaseId(caseIdFor('facebook', '1'))).toBe('facebook');
  });

  it.each(['', 'x:', 'x:12a', 'x:1/2', 'fb:', 'fb:abc', 'fb:1/2/3', 'fb:1/', 'tw:1', 'x:1 ', ' fb:1', 'fb:pfbidshort'])(
    'refuses %j',
    (bad) => {
      expect(isCaseId(bad)).toBe(false);
    },
  );

  it('throws on building an invalid id rather than storing it', () => {
    expect(() => caseIdFor('x', '../etc')).toThrow(RangeError);
  });
});
