/**
 * The oldest browsers the site is built for: the in-app browsers of the phones older residents carry
 * (Chromium 87 in older WeChat builds; WeChat on an iPhone is iOS 14 Safari), in Vite's notation. The
 * scripts and styles sent to browsers are lowered to these: by Vite (astro.config.mjs, the map bundle)
 * and by lightningcss for the printed pages' stylesheet (src/outputs/print/stylesheet.ts). The few newer
 * APIs the checker and the editor use get fallbacks (src/site/scripts/legacy.ts).
 */
export const OLDER_BROWSERS = ['chrome87', 'ios14', 'safari14', 'firefox78', 'edge88'];
