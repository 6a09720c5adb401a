/**
 * The path the site is served under: `/` for a county on its own host, `/<county>/` for one
 * county of a province portal. It is the path of `base_url` in content/site.yaml; astro.config.mjs
 * gives it to Astro as `base` (so pages and browser scripts read it as import.meta.env.BASE_URL)
 * and to the build's worker threads as GONGSHI_BASE. Every address the site writes goes through
 * sitePath, in pages, printed sheets, open data and browser scripts alike.
 */
let known: { raw: string | undefined; base: string } | undefined;
const NOT_READ = Symbol('not read');
let viteBase: string | undefined | typeof NOT_READ = NOT_READ;

/**
 * The base as Vite gives it (pages, browser scripts); undefined in plain Node (the worker threads, the
 * command line, the unit tests), where import.meta has no env. Written as the one key, never as the
 * object: Astro fills in a module that reads the whole object with every environment variable whose
 * name its text contains, `_` among them (the shell's last command). Its value then changed with how
 * the build was started, and with it the code digest of every page, which Astro's incremental build
 * compares: all pages were rendered again.
 */
function baseFromVite(): string | undefined {
  // Read once: in plain Node the read throws, and a throw at every address cost 2.5 s of a build of 10,000 compounds.
  if (viteBase === NOT_READ) {
    try {
      viteBase = import.meta.env.BASE_URL;
    } catch {
      viteBase = undefined;
    }
  }
  return viteBase;
}

/**
 * `/` or `/<path>/`. Read at each call, not when this module loads: astro.config.mjs sets
 * GONGSHI_BASE after its integrations, and with them this module, are imported.
 */
export function siteBase(): string {
  const raw = baseFromVite() ?? (typeof process === 'undefined' ? undefined : process.env.GONGSHI_BASE);
  if (known && known.raw === raw) return known.base;
  const trimmed = (raw ?? '/').replace(/^\/+|\/+$/g, '');
  known = { raw, base: trimmed ? `/${trimmed}/` : '/' };
  return known.base;
}

/** A root-relative address of the site (`/c/x/`) as it is served: `/qitai/c/x/` under a base. */
export function sitePath(address: string): string {
  const base = siteBase();
  return base === '/' ? address : `${base}${address.replace(/^\//, '')}`;
}

/** The reverse, for a request the dev server receives: `/qitai/c/x/` → `/c/x/`. */
export function withoutBase(pathname: string): string {
  const base = siteBase();
  return base !== '/' && pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
}
