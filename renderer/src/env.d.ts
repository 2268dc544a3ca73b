/** Vite bundles imported CSS files; TypeScript only needs to know they exist. */
declare module '*.css';

/** Vite gives the URL of an asset imported with `?url` (the decoder's .wasm). */
declare module '*?url' {
  const url: string;
  export default url;
}
