import { describe, expect, it } from 'vitest';
import { campaignOf } from './call-campaign';
import {
  CALL_LINK_TAG_MAX,
  callLinkCreateBodySchema,
  callLinkTagSchema,
  callLinkUrl,
} from './rest-admin-call-links';

describe('callLinkUrl', () => {
  it("builds Meta's calling deep link from the display number's digits", () => {
    expect(callLinkUrl('+91 91299 50000')).toBe('https://wa.me/call/919129950000');
    expect(callLinkUrl('+1 (415) 555-0100', null)).toBe('https://wa.me/call/14155550100');
  });

  it('carries the tag as biz_payload, unchanged', () => {
    expect(callLinkUrl('+91 91299 50000', 'spring-flyer_2026.v1~a')).toBe(
      'https://wa.me/call/919129950000?biz_payload=spring-flyer_2026.v1~a',
    );
  });
});

describe('callLinkTagSchema', () => {
  it.each(['spring', 'SPRING-2026', 'a.b_c~d', 'x'.repeat(CALL_LINK_TAG_MAX)])(
    'takes %s',
    (tag) => {
      expect(callLinkTagSchema.safeParse(tag).success).toBe(true);
    },
  );

  it.each([
    ['spring flyer', 'no spaces'],
    ['früh', 'letters outside ASCII'],
    ['a&b=c', 'query characters'],
    ['x'.repeat(CALL_LINK_TAG_MAX + 1), 'too long'],
  ])('refuses %s (%s)', (tag) => {
    expect(callLinkTagSchema.safeParse(tag).success).toBe(false);
  });
});

describe('callLinkCreateBodySchema', () => {
  it('treats an empty tag as the plain link', () => {
    expect(callLinkCreateBodySchema.parse({ label: ' Website ', tag: '  ' })).toEqual({
      label: 'Website',
    });
  });

  it('names the field that is wrong', () => {
    const result = callLinkCreateBodySchema.safeParse({ label: '', tag: 'two words' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['label', 'tag']));
  });
});

describe('campaignOf', () => {
  it("reads the link's label first, else its tag", () => {
    expect(campaignOf({ linkTag: 'spring', linkLabel: 'Spring flyer' })).toBe('Spring flyer');
    expect(campaignOf({ linkTag: 'spring' })).toBe('spring');
    expect(campaignOf({ ctaPayload: 'x' })).toBeUndefined();
    expect(campaignOf(undefined)).toBeUndefined();
  });
});
