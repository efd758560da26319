/**
 * The content for each locale (locale-content.ts), and the default locale's lines, catalogue and
 * routines for the tests and tools. The skill takes its content from locale-content.ts by the
 * request's locale, so a cold start builds no other locale's.
 */
import type { Catalogue, Routine } from '../core/catalogue';
import type { Wording } from '../core/wording';
import { contentFor } from './locale-content';
import { DEFAULT_LOCALE } from './locales';

export * from './locale-content';

const defaults = contentFor(DEFAULT_LOCALE);
/** The default locale's lines. */
export const lines: Wording = defaults.wording;
/** The default locale's catalogue. */
export const catalogue: Catalogue = defaults.catalogue;
/** The default locale's routines. */
export const ROUTINES: readonly Routine[] = defaults.catalogue.routines;
