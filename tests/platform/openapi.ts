import { createApp } from '../../api/app';
import { createLogger } from '../../src/logger';

// The route table, as the API publishes it: every operation of /openapi.json, with what the
// platform suites (fuzzing, the authorization matrix) need to call it.

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "METHOD /path/{param}", the key of the authorization table. */
  key: string;
  method: string;
  path: string;
  /** No bearer token needed (`security: []`). */
  public: boolean;
  parameters: Parameter[];
  /** Request body media types and their schemas. */
  body: Record<string, JsonSchema>;
  bodyRequired: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The app's OpenAPI document, as GET /openapi.json answers it (building it needs no servers). */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const app = createApp({ logger: createLogger('silent'), config: { TRUSTED_PROXIES: [], MAX_BODY_BYTES: 1_048_576 } } as never);
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

/** Resolves `#/components/schemas/X` references (one level at a time, as they are met). */
export function resolver(doc: OpenApiDocument) {
  return function resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(target);
  };
}

export function operations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content: Record<string, { schema?: JsonSchema }> = op.requestBody?.content ?? {};
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: Array.isArray(op.security) && op.security.length === 0,
        parameters: (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: !!p.required, schema: p.schema ?? {} })),
        body: Object.fromEntries(Object.entries(content).map(([type, c]) => [type, c.schema ?? {}])),
        bodyRequired: !!op.requestBody?.required,
      });
    }
  }
  return out;
}

/** The kind of object a path parameter names, from the path segment before it: `/v1/sales/{id}` → `sales`. */
export function parameterKind(path: string, name: string): string {
  if (name === 'assessmentId') return 'assessments';
  if (name === 'jobId') return 'import-jobs';
  if (name === 'token') return 'share-link-tokens';
  if (name === 'key') return 'licence-keys';
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return segments[at - 1] ?? name;
}
