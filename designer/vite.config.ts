import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's built-in Oxc transform compiles JSX for React's automatic runtime, so
// components never import React just for JSX. Fast Refresh is not needed for this small app.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // The API keeps the session cookie and the CSRF token on its own origin; proxying keeps the browser on
    // one origin in development exactly as in production, where the API serves the built files.
    // changeOrigin stays off: the API checks a write's Origin against the Host it arrives with, which must then
    // still be the dev server's own.
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
