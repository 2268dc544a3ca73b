/** Vite bundles imported CSS files; TypeScript only needs to know they exist. */
declare module '*.css';
