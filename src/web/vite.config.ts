/**
 * Builds the web console into <repo>/dist/web, which the Fastify server serves with an
 * SPA fallback. The production CSP allows only same-origin scripts, so nothing here may
 * inline scripts or load from a CDN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Inline data: URLs would be fine under the CSP, but scripts must stay files.
    assetsInlineLimit: 4096,
    // Vite's module-preload polyfill is an inline script; browsers we target support modulepreload natively.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Framework code changes rarely: a stable chunk the browser can keep cached across releases.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: {
    // API calls go to the server; the client's own sources under src/web/api/ do not. The
    // server checks Origin on cookie-authenticated writes, so the proxy presents its target's.
    proxy: {
      '^/(api/(?!.*\\.tsx?$)|open311/|metrics)': { target: 'http://localhost:8080', changeOrigin: true, headers: { origin: 'http://localhost:8080' } },
    },
  },
});
