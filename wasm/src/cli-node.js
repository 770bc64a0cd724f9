// The Node bin's module for --fix and --fix-dry-run (wasm/bin.js; not a package entry): the "./full" API with
// mta-sts-lint-cli.wasm, which adds fix() (core/fix/, wasm/bindings.cpp) to the full module.
import factory from './glue-cli.js';
import { load } from './api.js';
import { withGenerator } from './generator.js';
import { fromFile } from './node-load.js';

export const createValidator = (options) => load(factory, options, fromFile('mta-sts-lint-cli.wasm'), withGenerator);
