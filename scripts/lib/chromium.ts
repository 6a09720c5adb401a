/**
 * Launch options for Debian's Chromium, shared by the end-to-end tests and the
 * scripts that drive a browser. Nothing is ever downloaded: the browser is
 * Debian's headless build of Chromium (`apt-get install chromium-headless-shell`),
 * or the one CHROMIUM_PATH names, for example the desktop browser /usr/bin/chromium.
 *
 * Why the headless build: it is the same Chromium release, Blink and V8 as the desktop
 * browser, and the headless mode Playwright itself runs by default. The desktop browser
 * run headless kept two pages at a time busier: the same end-to-end run took 8.8 min
 * with it and 4.3 min with this one (docs/performance.md).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
