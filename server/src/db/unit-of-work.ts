import { RequestContext } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';

/**
 * One EntityManager per HTTP request (and so per GraphQL operation over HTTP): its identity map
 * lives as long as the request, the DataLoaders and every service in it share it.
 */
export const requestContext =
  (orm: MikroORM): RequestHandler =>
  (_req, _res, next) =>
    inUnitOfWork(orm.em, next);

/** Runs `work` as one unit of work outside a request (a job run): one EntityManager for all it does. */
export function inUnitOfWork<T>(em: EntityManager, work: () => T): T {
  return RequestContext.create(em, work);
}

/**
 * The EntityManager of the work in progress: inside `em.transactional` the transaction's, else the
 * request's (`requestContext`); outside both (startup, a job, a graphql-ws operation, a test
 * calling a service) a fresh one for this call. Never the global one: its identity map would be
 * shared by every caller and never emptied.
 */
export function currentEm(em: EntityManager): EntityManager {
  const context = em.getContext(false) as EntityManager;
  return context.global ? em.fork() : context;
}
