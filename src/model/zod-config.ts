import { config, memoizer } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * Gives zod/mini what classic zod installs by itself when it builds its first schema: English
 * error messages ("Too small: expected string to have >=1 characters"; zod/mini alone says
 * "Invalid input") and the memoizer that lets containers parse cyclic input (a self-referencing
 * object in a `json` value). Either is left alone when the program has set its own
 * (`z.config(z.locales.fr())` before importing corroborate, or at any time after).
 *
 * Every module that builds schemas calls this first, at its top level (the memoizer is read when
 * a container schema is built), directly or through an import that does; a bare `import` would
 * not do, since the package is `sideEffects: false`.
 *
 * @example
 * configureZod();
 * export const IdSchema = z.string().check(z.minLength(1));
 */
export function configureZod(): void {
  const current = config();
  if (!current.localeError) config(en());
  if (!current.memoizer) config({ memoizer: memoizer() });
}
