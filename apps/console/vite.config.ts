import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// node loads this file natively: the extension is needed here
import { loadBuildEnv } from './build-env.ts';
import { i18nCatalogs } from './i18n-catalog-plugin.ts';

const { serverPort } = loadBuildEnv();
const server = `http://127.0.0.1:${serverPort}`;

// in production the server serves dist/ on the same origin; in dev vite proxies to it
export default defineConfig({
  plugins: [react(), tailwindcss(), i18nCatalogs()],
  server: {
    proxy: {
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    target: 'es2022',
    // maps for whoever debugs the build on the server; no file points to them, none is served
    sourcemap: 'hidden',
  },
});
