import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/**
 * The driver, counting each Cypher statement sent through it (sessions, managed and explicit
 * transactions, executeQuery): how the stories subgraph shows that one GraphQL operation is
 * one round trip to the database. Everything else passes through untouched.
 */
export function countingDriver(driver: Driver, counted: () => void): Driver {
  return wrap(driver, {
    session: (session: Session) => countingSession(session, counted),
    executeQuery: (run: (...args: unknown[]) => unknown) => {
      counted();
      return run;
    },
  });
}

function countingSession(session: Session, counted: () => void): Session {
  const tx = (inner: ManagedTransaction) => countingTransaction(inner, counted);
  return new Proxy(session, {
    get(target, property) {
      if (property === 'executeRead' || property === 'executeWrite')
        return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
          (target[property] as (w: unknown, c?: unknown) => unknown).call(
            target,
            (inner: ManagedTransaction) => work(tx(inner)),
            config,
          );
      if (property === 'beginTransaction')
        return (...args: Parameters<Session['beginTransaction']>) =>
          countingTransaction(target.beginTransaction(...args), counted);
      if (property === 'run') {
        return (...args: unknown[]) => {
          counted();
          return (target.run as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function countingTransaction<T extends object>(transaction: T, counted: () => void): T {
  return new Proxy(transaction, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'run')
        return (...args: unknown[]) => {
          counted();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return value.bind(target);
    },
  });
}

/** A proxy whose listed methods' results (or, for executeQuery, calls) pass through `hooks`. */
function wrap(
  driver: Driver,
  hooks: {
    session: (session: Session) => Session;
    executeQuery: (run: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
  },
): Driver {
  return new Proxy(driver, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const bound = value.bind(target) as (...args: unknown[]) => unknown;
      if (property === 'session')
        return (...args: unknown[]) => hooks.session(bound(...args) as Session);
      if (property === 'executeQuery') return hooks.executeQuery(bound);
      return bound;
    },
  });
}
