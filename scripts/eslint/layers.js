// ESLint rule `partnerflow/layers`: who may import whom (docs/architecture.md, "What may import what").
// Type-only imports are always allowed: they vanish at run time and carry no I/O into a layer.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = /^src\/(platform|allotments|sales|groups|aggregators)\//;

/** The layer a repository path belongs to, or null for code the rule leaves alone (tests, bench, scripts). */
export function layerOf(path) {
  if (path.startsWith('workflows/')) return /-definitions\.ts$/.test(path) ? 'definitions' : 'workflow';
  if (path.startsWith('src/domain/')) return 'domain';
  if (path.startsWith('src/repos/')) return 'repo';
  if (path.startsWith('src/composition/')) return 'composition';
  if (SERVICES.test(path)) return 'service';
  if (path.startsWith('src/')) return 'infra';
  if (path.startsWith('api/')) return 'api';
  if (path.startsWith('activities/')) return 'activity';
  return null;
}

// Which layers each layer may import values from (its own layer always included).
const MAY_IMPORT = {
  definitions: ['definitions', 'domain'],
  workflow: ['workflow', 'definitions', 'domain'],
  domain: ['domain'],
  repo: ['repo', 'domain', 'infra'],
  infra: ['infra', 'domain', 'definitions'],
  service: ['service', 'repo', 'domain', 'infra', 'definitions'],
  activity: ['activity', 'service', 'repo', 'domain', 'infra', 'definitions'],
  api: ['api', 'service', 'domain', 'infra'],
  composition: ['composition', 'api', 'activity', 'service', 'repo', 'domain', 'infra', 'definitions', 'workflow'],
};

// Packages the sandboxed and pure layers may use; every other layer may use any package.
const SANDBOX_PACKAGES = new Set(['@temporalio/workflow', '@temporalio/common']);
const PURE_BUILTINS = new Set(['node:crypto', 'node:url', 'node:net']);
const packageAllowed = (layer, spec) => {
  if (layer === 'workflow' || layer === 'definitions') return SANDBOX_PACKAGES.has(spec);
  if (layer === 'domain') return PURE_BUILTINS.has(spec);
  return true;
};

function resolveFile(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base]) if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The first import that makes a domain module unusable inside the workflow sandbox, or null. */
function sandboxLeak(file, seen = new Set()) {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
    if (!spec.startsWith('.')) return SANDBOX_PACKAGES.has(spec) ? null : `${spec} (through ${relative(root, file)})`;
    const target = resolveFile(file, spec);
    if (!target) continue;
    const layer = layerOf(relative(root, target));
    if (layer !== 'domain') return `${relative(root, target)} (through ${relative(root, file)})`;
    const leak = sandboxLeak(target, seen);
    if (leak) return leak;
  }
  return null;
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer to the imports docs/architecture.md allows' },
    schema: [],
    messages: {
      layer: '{{from}} code may not import {{to}} code ({{spec}}); see docs/architecture.md, "What may import what".',
      package: '{{from}} code may not import the package {{spec}}: {{why}}.',
      sandbox: 'Workflow code may not import {{spec}}: it reaches {{leak}}, which is not sandbox-safe.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(relative(root, file));
    if (!from) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || isTypeOnly(node)) return;
      const spec = source.value;
      if (!spec.startsWith('.')) {
        if (!packageAllowed(from, spec)) {
          const why = from === 'domain' ? 'domain rules are pure (no I/O)' : 'workflow code runs in the deterministic sandbox; use @temporalio/workflow, its definitions and pure src/domain modules';
          context.report({ node, messageId: 'package', data: { from, spec, why } });
        }
        return;
      }
      const target = resolveFile(file, spec);
      if (!target) return;
      const to = layerOf(relative(root, target));
      if (!to) return;
      if (!MAY_IMPORT[from].includes(to)) {
        context.report({ node, messageId: 'layer', data: { from, to, spec } });
        return;
      }
      if ((from === 'workflow' || from === 'definitions') && to === 'domain') {
        const leak = sandboxLeak(target);
        if (leak) context.report({ node, messageId: 'sandbox', data: { spec, leak } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
