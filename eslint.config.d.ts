/** The folders of the core, which eslint.config.js forbids to import a transport (read by the lint tests). */
export const CORE: string[];
declare const config: unknown[];
export default config;
