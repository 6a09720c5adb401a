/**
 * Launch options for Debian's Chromium, shared by the end-to-end tests and
 * the screenshot script. Nothing is ever downloaded: the browser is the one
 * installed by `apt-get install chromium`, or the one CHROMIUM_PATH names.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
