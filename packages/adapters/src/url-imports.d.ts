/** Bundler asset URLs (Vite `?url`): the DuckDB-Wasm files are resolved from node_modules, never a CDN. */
declare module "*?url" {
  const url: string;
  export default url;
}
