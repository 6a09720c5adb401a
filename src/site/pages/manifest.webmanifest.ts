/**
 * The web app manifest, with the county's own name. Its addresses are relative to it, so that
 * it holds under any base (a county of a province portal, /<county>/manifest.webmanifest).
 */
import type { APIRoute } from 'astro';
import { t } from '../../core/i18n/t.ts';
import { getSite } from '../../core/model/content.ts';

export const GET: APIRoute = async () => {
  const { county } = await getSite();
  const manifest = {
    name: t('site.name', { county }),
    short_name: t('site.shortName'),
    description: t('site.manifestDescription', { county }),
    lang: 'zh-CN',
    start_url: './',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#9b1c1c',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
};
