// Vite bundles imported stylesheets into CSS files; the import itself has no value.
declare module "*.css";
