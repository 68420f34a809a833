import { describe, expect, it } from 'vitest';
import { buttonClasses } from './button-classes';

const tokens = (classes: string) => classes.split(' ');

describe('buttonClasses', () => {
  it('gives a button the comfortable touch size by default', () => {
    expect(tokens(buttonClasses('bg-sky-600', ''))).toEqual(
      expect.arrayContaining(['min-h-11', 'px-4', 'py-2', 'bg-sky-600']),
    );
  });

  it('lets a caller’s size win instead of leaving both for CSS order to decide', () => {
    const classes = tokens(buttonClasses('bg-sky-600', 'min-h-9 px-2 w-full'));
    expect(classes).toEqual(expect.arrayContaining(['min-h-9', 'px-2', 'py-2', 'w-full']));
    expect(classes).not.toContain('min-h-11');
    expect(classes).not.toContain('px-4');
  });
});
