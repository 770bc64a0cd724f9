// Types of the `mta-sts-lint/full` and `mta-sts-lint/full/inline` entries: the default API plus the generator.
import type { FullValidator, ValidatorOptions } from './index.js';

export * from './index.js';

/** Loads and instantiates the full WebAssembly core (linter and generator); every call after this is synchronous. */
export function createValidator(options?: ValidatorOptions): Promise<FullValidator>;
