import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';

/**
 * A unit of work's EntityManager, forked on first use: a request that never reaches the ORM (a
 * charge goes through the ledger engine's own SQL, a key comes from the cache) costs no fork.
 */
class ForkOnFirstUse {
  private fork: EntityManager | null = null;
  /** While forking, MikroORM asks for the context again (the new EntityManager's parts): none yet. */
  private forking = false;

  constructor(private readonly root: EntityManager) {}

  em(name: string): EntityManager | undefined {
    if (name !== this.root.name || this.forking) return undefined;
    if (!this.fork) {
      this.forking = true;
      try {
        this.fork = this.root.fork({ useContext: true });
      } finally {
        this.forking = false;
      }
    }
    return this.fork;
  }
}

const unitOfWork = new AsyncLocalStorage<ForkOnFirstUse>();

/** MikroORM's `context` option: the EntityManager of the unit of work in progress, if any. */
export const unitOfWorkEm = (name: string): EntityManager | undefined => unitOfWork.getStore()?.em(name);

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
  return unitOfWork.run(new ForkOnFirstUse(em), work);
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
