import type { Driver, Session } from 'neo4j-driver';

/**
 * The driver, counting each Cypher statement sent through it (sessions, managed and explicit
 * transactions, executeQuery): how the stories subgraph shows that one GraphQL operation is
 * one round trip to the database. Everything else passes through untouched.
 */
export function countingDriver(driver: Driver, counted: () => void): Driver {
  // A statement goes out each time one of these is called.
  const counting =
    (send: Method): Method =>
    (...args) => {
      counted();
      return send(...args);
    };
  const transaction = <T extends object>(tx: T) => intercept(tx, { run: counting });
  const inTransaction =
    (execute: Method): Method =>
    (work, config) =>
      execute((tx: object) => (work as Method)(transaction(tx)), config);
  const session = (opened: Session) =>
    intercept(opened, {
      run: counting,
      executeRead: inTransaction,
      executeWrite: inTransaction,
      beginTransaction:
        (begin) =>
        (...args) =>
          transaction(begin(...args) as object),
    });
  return intercept(driver, {
    session:
      (open) =>
      (...args) =>
        session(open(...args) as Session),
    executeQuery: counting,
  });
}

type Method = (...args: unknown[]) => unknown;

/**
 * A proxy of `target` whose named methods are replaced by what `wrappers` make of the
 * original (bound to the target); other properties pass through, methods bound.
 */
function intercept<T extends object>(
  target: T,
  wrappers: Record<string, (original: Method) => Method>,
): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      const bound = value.bind(object) as Method;
      const wrap = typeof property === 'string' ? wrappers[property] : undefined;
      return wrap ? wrap(bound) : bound;
    },
  });
}
