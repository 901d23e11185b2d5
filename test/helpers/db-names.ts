export const TEMPLATE_FILE = '.tmp/test-template.tar.gz';
export const PG_TEMPLATE = 'gz_test_template';

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
