import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5.26 Community, embedded, serving Bolt on loopback. Used because the server tarball is
 * not on Maven Central; the embedded DBMS is the same engine the server runs.
 *
 * <p>Environment: NEO4J_HOME (data folder), NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_PAGECACHE.
 * Prints "MINDSCAPE_NEO4J_READY" once Bolt accepts connections; stops cleanly on SIGTERM.
 */
public final class MindscapeNeo4j {
  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Path home = Path.of(env.getOrDefault("NEO4J_HOME", ".neo4j/data")).toAbsolutePath();
    int port = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
    String password = env.get("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_PASSWORD must be set and at least 8 characters long.");
      System.exit(2);
    }
    long pageCacheMiB = Long.parseLong(env.getOrDefault("NEO4J_PAGECACHE_MIB", "256"));

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Neo4j: shutting down");
                  dbms.shutdown();
                }));

    try {
      applyPassword(dbms, password);
      registerApoc(dbms);
    } catch (Exception e) {
      // The DBMS threads are not daemons: without an explicit exit the JVM would linger.
      System.err.println("Neo4j could not start: " + e.getMessage());
      dbms.shutdown();
      System.exit(1);
    }

    System.out.println("MINDSCAPE_NEO4J_READY bolt://127.0.0.1:" + port);
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An embedded DBMS does not load plugins from its classpath: the APOC procedures the GraphQL
   * layer needs (apoc.util.validate and validatePredicate, for authorization rules) are
   * registered here by class.
   */
  private static void registerApoc(DatabaseManagementService dbms) throws Exception {
    GlobalProcedures procedures =
        ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
            .getDependencyResolver()
            .resolveDependency(GlobalProcedures.class);
    procedures.registerProcedure(apoc.util.Utils.class);
    procedures.registerFunction(apoc.util.Utils.class);
  }

  /**
   * Embedded Java access to the system database bypasses auth, so the configured password is
   * (re)applied at every start: the environment is the single source of truth. Neo4j refuses
   * to "change" a password to itself, which simply means it is already right.
   */
  private static void applyPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
        throw e;
      }
    }
  }
}
