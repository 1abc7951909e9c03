import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * Stable vendor chunks for libraries that change rarely. antd is left to automatic splitting so each
 * lazy page only pulls the components it uses; leaflet and echarts only load with the pages that need them.
 */
const vendorChunks: Array<{ name: string; test: RegExp }> = [
  {
    name: "react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie)[\\/]/,
  },
  { name: "leaflet", test: /node_modules[\\/]leaflet[\\/]/ },
  { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
];

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
