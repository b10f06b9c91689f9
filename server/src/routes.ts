import type { Express } from 'express';
import type { Services } from './services.js';

export type RouteModule = (app: Express, services: Services) => void;

/** HTTP routes outside GraphQL, mounted before it. Feature modules add theirs here. */
export const routeModules: RouteModule[] = [];
