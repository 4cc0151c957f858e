// Lint: typescript-eslint's recommended rules plus the dependency arrows of docs/architecture.md.
import tseslint from 'typescript-eslint';

const layers = ['core', 'text', 'nlu', 'policy', 'knowledge', 'agent', 'data', 'integrations', 'gateway', 'channels', 'cli', 'web'];

// What each layer may import from src/ besides itself. Composition (main, server, compose) may import all.
const allowed = {
  core: [],
  text: ['core'],
  nlu: ['core', 'text'],
  policy: ['core'],
  knowledge: ['core', 'text'],
  agent: ['core', 'text', 'nlu', 'policy', 'knowledge'],
  data: ['core'],
  integrations: ['core', 'text'],
  gateway: ['core', 'agent', 'config'],
  // A channel (src/channels/<name>) is an entry point like the gateway: it speaks to the agent through core's ports.
  channels: ['core', 'agent'],
  cli: [...layers.filter((l) => l !== 'cli'), 'config', 'compose', 'server', 'demo-bootstrap'],
  web: [],
};

const boundaryRules = Object.entries(allowed).map(([layer, may]) => {
  const forbidden = [...layers, 'config', 'compose', 'server', 'main', 'demo-bootstrap', 'studio'].filter((other) => other !== layer && !may.includes(other));
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Only paths that climb out of the folder (../) can reach another layer.
          patterns: forbidden.map((other) => ({
            regex: `^(\\.\\./)+${other}(/|\\.ts$|$)`,
            message: `src/${layer} may not import src/${other}: dependencies point down (see docs/architecture.md). Declare a port in core instead.`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.concierge/**', '.tmp/**', 'src/data/migrations/**', 'src/web/**/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundaryRules,
);
