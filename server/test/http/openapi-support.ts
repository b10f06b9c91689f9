import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Express } from 'express';
import { expect } from 'vitest';

export type OpenApiDoc = any;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** A route (or a path-mounted middleware, method '*') as the Express router will match it. */
export interface RegisteredRoute {
  method: string;
  path: string;
  matches(url: string): boolean;
}

/** The router's layer as router 2.x builds it: one matcher per path of the route (`app.get([a, b])`). */
interface Layer {
  rawPath: string | string[];
  matchers: ((url: string) => unknown)[];
  route?: { methods: Record<string, boolean> };
}

/**
 * Every route on the app's router, one per path and method, plus middleware mounted on a path
 * (`app.use('/assets', …)`), which answers any method below it. Middleware on `/` (parsers,
 * logging, error handlers) answers no path of its own.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const routes: RegisteredRoute[] = [];
  for (const layer of stack) {
    const paths = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath];
    paths.forEach((path, i) => {
      if (typeof path !== 'string') throw new Error(`a route path that is not a string: ${String(path)}`);
      const matches = (url: string) => Boolean(layer.matchers[i](url));
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method === '_all' ? '*' : method, path, matches });
      } else if (path !== '/') {
        routes.push({ method: '*', path, matches });
      }
    });
  }
  const seen = new Set<string>();
  return routes.filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

export interface DocumentedRoute {
  method: string;
  path: string;
  /** The path with each `{param}` replaced by its documented example. */
  sample: string;
  operation: any;
}

const deref = (doc: OpenApiDoc, node: any): any =>
  node?.$ref
    ? deref(
        doc,
        node.$ref
          .slice(2)
          .split('/')
          .reduce((n: any, k: string) => n[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc),
      )
    : node;

/** Every operation of the document, with a concrete URL built from its path parameters' examples. */
export function documentedRoutes(doc: OpenApiDoc): DocumentedRoute[] {
  return Object.entries(doc.paths as Record<string, any>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const params = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map((p) => deref(doc, p));
      const sample = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const param = params.find((p) => p.in === 'path' && p.name === name);
        if (!param || param.example === undefined) throw new Error(`${method} ${path}: path parameter ${name} has no example`);
        return encodeURIComponent(String(param.example));
      });
      return { method, path, sample, operation: item[method] };
    }),
  );
}

/** Checks a real answer against the schema the document gives for that operation and status. */
export function expectDocumentedBody(doc: OpenApiDoc, method: string, path: string, status: number, body: unknown): void {
  const response = deref(doc, doc.paths[path]?.[method]?.responses?.[String(status)]);
  expect(response, `${method} ${path} documents no ${status}`).toBeDefined();
  const schema = response.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status} has no JSON schema`).toBeDefined();
  // The whole document is the schemas' base, so their `#/components/…` references resolve as they do for a client.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc, 'openapi.json');
  const validate = ajv.compile({ $ref: `openapi.json#${pointerTo(doc, schema)}` });
  const valid = validate(body);
  expect(validate.errors ?? [], `${method} ${path} ${status}: ${JSON.stringify(body)}`).toEqual([]);
  expect(valid).toBe(true);
}

/** The JSON pointer of `target` inside `doc` (found by identity). */
function pointerTo(doc: OpenApiDoc, target: unknown): string {
  const walk = (node: any, pointer: string): string | null => {
    if (node === target) return pointer;
    if (node === null || typeof node !== 'object') return null;
    for (const [k, v] of Object.entries(node)) {
      const found = walk(v, `${pointer}/${encodeURIComponent(k.replace(/~/g, '~0').replace(/\//g, '~1'))}`);
      if (found !== null) return found;
    }
    return null;
  };
  const pointer = walk(doc, '');
  if (pointer === null) throw new Error('schema not found in the document');
  return pointer;
}
