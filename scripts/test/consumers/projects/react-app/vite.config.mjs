// React's automatic JSX runtime, as tsconfig.json says; no React plugin is needed to build.
export default { oxc: { jsx: { runtime: 'automatic' } } };
