/**
 * The API's paths for the typed client, generated from the server's OpenAPI document
 * (`npm run gen:api`). While a route was still being built, a hand-written contract filled
 * in here; every route the console uses is now generated.
 */
export type { paths as ApiPaths } from './schema.js';
