import { z } from 'zod';

/**
 * The languages the console speaks, as BCP 47 tags: English, Spanish, Brazilian Portuguese,
 * Hindi and Indonesian.
 *
 * @example
 * localeSchema.parse('pt-BR'); // 'pt-BR'
 * localeSchema.safeParse('fr').success; // false
 */
export const localeSchema = z.enum(['en', 'es', 'pt-BR', 'hi', 'id']);
export type Locale = z.infer<typeof localeSchema>;

/**
 * `PUT /api/me/locale`: the signed-in user's console language, kept for their next sign-in on
 * any browser.
 *
 * @example
 * setLocaleBodySchema.parse({ locale: 'es' });
 */
export const setLocaleBodySchema = z.object({ locale: localeSchema });
export type SetLocaleBody = z.infer<typeof setLocaleBodySchema>;
