/**
 * tldraw's fonts, icons and translations as files of this build (no CDN). A module of its own so
 * the board page can ask for the canvas's fonts before the canvas's script (tldraw) has arrived.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

export const assetUrls = getAssetUrlsByImport();
