import { localeSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { catalogProblems } from './catalog-check';
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import hi from './catalogs/hi.json';
import id from './catalogs/id.json';
import ptBR from './catalogs/pt-BR.json';
import { LOCALES } from './locales';

// the source catalogs as translators edit them (the build compiles them)
const CATALOGS: Record<string, Record<string, string>> = { en, es, 'pt-BR': ptBR, hi, id };
const read = (locale: string) => CATALOGS[locale] ?? {};
const english = read('en');

describe('the catalogs', () => {
  it('speak exactly the languages the server accepts', () => {
    expect([...LOCALES]).toEqual(localeSchema.options);
  });

  it.each(LOCALES)(
    '%s has every English message, no other, each with its placeholders and plural forms',
    (locale) => {
      expect(catalogProblems(locale, english, read(locale))).toEqual([]);
    },
  );

  // a control showing `x` with the accessible name `xLabel` (e.g. "Set Away" named "Set Away:
  // Alex Agent"): a speech-input user says what they see, so the name must contain it (axe's
  // label-content-name-mismatch)
  it.each(LOCALES)(
    '%s names each labelled control with words that contain what it shows',
    (locale) => {
      const catalog = read(locale);
      const mismatched = Object.entries(catalog).filter(([key, label]) => {
        const shown = key.endsWith('Label') ? catalog[key.slice(0, -'Label'.length)] : undefined;
        return (
          shown !== undefined &&
          !shown.includes('{') &&
          !label.toLowerCase().includes(shown.toLowerCase())
        );
      });
      expect(mismatched).toEqual([]);
    },
  );
});

describe('catalogProblems', () => {
  it('names a missing key, an extra key, a wrong placeholder and a missing plural form', () => {
    const source = {
      'a.signOut': 'Sign out',
      'a.calls': '{count, plural, one {# call} other {# calls}}',
      'a.hello': 'Hello {name}',
    };
    const spanish = {
      'a.calls': '{count, plural, other {# llamadas}}',
      'a.hello': 'Hola {nombre}',
      'a.stray': 'Sobra',
    };

    expect(catalogProblems('es', source, spanish)).toEqual([
      'missing: a.signOut',
      // Spanish has a form for millions ("1 millón de llamadas")
      'a.calls: plural {count} lacks "many"',
      'a.calls: plural {count} lacks "one"',
      'a.hello: placeholders {nombre}, English has {name}',
      'extra: a.stray',
    ]);
  });

  it('needs the forms each language has: none but other in Indonesian, one and other in Hindi', () => {
    const source = { n: '{count, plural, one {# call} other {# calls}}' };

    expect(catalogProblems('id', source, { n: '{count, plural, other {# panggilan}}' })).toEqual(
      [],
    );
    expect(catalogProblems('hi', source, { n: '{count, plural, other {# कॉल}}' })).toEqual([
      'n: plural {count} lacks "one"',
    ]);
  });

  it('names a message that does not parse', () => {
    expect(catalogProblems('es', { k: 'Hi {name}' }, { k: 'Hola {name' })[0]).toMatch(
      /^k: does not parse/,
    );
  });
});
