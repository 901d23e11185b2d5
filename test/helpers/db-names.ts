/**
 * Names of the per-run template (one per `vitest run`, so parallel runs never collide).
 * Global setup sets GZ_TEST_TEMPLATE; the test workers inherit it.
 */
export function templateName(): string {
  const name = process.env.GZ_TEST_TEMPLATE;
  if (!name) throw new Error('GZ_TEST_TEMPLATE is not set: run tests through vitest (test/helpers/global-setup.ts)');
  return name;
}

export function templateFile(): string {
  return `.tmp/${templateName()}.tar.gz`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
