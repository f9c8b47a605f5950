// The declaration every published stylesheet gets (`dist/styles.css.d.ts`, see build.config.ts): a stylesheet has no
// exports, and with this file `import "<package>/styles.css"` type-checks in TypeScript ≥ 6 outside Vite (no TS2882).
export {};
