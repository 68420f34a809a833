import { describe, expect, it } from 'vitest';
import { describeMetaError } from './meta-error';
import {
  permissionTemplateBodySchema,
  templateLanguageSchema,
  templateNameSchema,
} from './permission-template';

describe('permission template', () => {
  it.each(['call_permission', 'cpr_v2', 'a'])('takes the name %s', (name) => {
    expect(templateNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['Call_Permission', 'call permission', 'call-permission', '', 'x'.repeat(513)])(
    'refuses the name "%s"',
    (name) => {
      expect(templateNameSchema.safeParse(name).success).toBe(false);
    },
  );

  it.each(['en', 'en_US', 'pt_BR', 'fil', 'zh_CN'])('takes the language %s', (code) => {
    expect(templateLanguageSchema.safeParse(code).success).toBe(true);
  });

  it.each(['EN', 'english', 'en-US', 'en_us', ''])('refuses the language "%s"', (code) => {
    expect(templateLanguageSchema.safeParse(code).success).toBe(false);
  });

  it('names each bad field, and takes null for no template', () => {
    const bad = permissionTemplateBodySchema.safeParse({
      template: { name: 'Bad Name', language: 'English' },
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'template.language',
      'template.name',
    ]);
    expect(permissionTemplateBodySchema.parse({ template: null })).toEqual({ template: null });
  });

  it('words the window and template errors for agents', () => {
    expect(describeMetaError(131047).meaning).toMatch(/last 24 hours/);
    expect(describeMetaError(132001).meaning).toMatch(/no approved message template/);
  });
});
