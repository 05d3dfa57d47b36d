/**
 * Builds the pages into web/dist (`npm run build:web`, also run by `npm ci` through `prepare`).
 * One entry, index.html; web/src/pages.ts picks the page from the address and loads its code on
 * demand, so each page (connect now, dashboard and status later) gets its own chunk.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Nothing to copy verbatim: no fonts, no images, nothing from a CDN.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // Source maps would double the build time and the files served, for pages small enough to read as built.
    sourcemap: false,
  },
  server: {
    // `npx vite web` for development: the API comes from a Manifold started with `npm start`.
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
