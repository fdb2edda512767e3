import { defineConfig } from 'vite';

// Built into the gateway's web root and served at /dashboard/ (see client/Journeys.Gateway/Journeys.Gateway.csproj).
export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir: '../client/Journeys.Gateway/wwwroot/dashboard',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': 'http://localhost:5000', '/hubs': { target: 'http://localhost:5000', ws: true } } },
});
