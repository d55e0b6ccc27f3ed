// Embedded Neo4j 5.26 Community with the Bolt connector on loopback.
// Started by neo4j/launcher.ts; stops when its standard input closes (its parent died or asked it to stop).
package pge;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/** Entry point: args are none; configuration comes from environment variables. */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".data/neo4j")).toAbsolutePath();
    String host = env("NEO4J_BOLT_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
    long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
    long txTimeoutSec = Long.parseLong(env("NEO4J_TX_TIMEOUT_S", "0"));

    try {
      Files.createDirectories(dataDir);
    } catch (Exception e) {
      fail("data-dir", "cannot create the data folder " + dataDir + " (" + e.getMessage() + "); set NEO4J_DATA_DIR to a writable folder");
    }
    if (!Files.isWritable(dataDir)) {
      fail("data-dir", "the data folder " + dataDir + " is not writable; set NEO4J_DATA_DIR to a writable folder");
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (Exception e) {
      fail("port-busy", "port " + port + " on " + host + " is already in use; stop what uses it or set NEO4J_BOLT_PORT to a free port");
    }

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb));
    if (txTimeoutSec > 0) {
      builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSec));
    }

    final DatabaseManagementService service;
    try {
      service = builder.build();
      // Open the default database and warm the Cypher runtime (parser, planner, count store) before READY, so the
      // first requests after a start or a restart do not pay for a cold JVM.
      var db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      db.executeTransactionally("MATCH (n) RETURN count(n) AS n");
      db.executeTransactionally("MATCH ()-[r]->() RETURN count(r) AS r");
      db.executeTransactionally("CALL db.labels() YIELD label RETURN collect(label) AS labels");
    } catch (Throwable t) {
      Throwable root = t;
      while (root.getCause() != null) root = root.getCause();
      String msg = String.valueOf(root.getMessage());
      if (msg.toLowerCase().contains("lock")) {
        fail("locked", "the data folder " + dataDir + " is already used by another Neo4j; stop it or set NEO4J_DATA_DIR");
      }
      fail("start", "Neo4j did not start: " + msg);
      return;
    }

    Thread stopper = new Thread(() -> {
      try {
        service.shutdown();
      } catch (Throwable ignored) {
        // shutting down anyway
      }
    });
    Runtime.getRuntime().addShutdownHook(stopper);
    System.out.println("READY bolt://" + host + ":" + port + " " + dataDir);
    System.out.flush();

    // Stop when stdin closes: the parent process has exited or asked us to stop.
    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (true) {
      int n = in.read(buf);
      if (n < 0) break;
      String cmd = new String(buf, 0, n).trim();
      if (cmd.equals("stop")) break;
    }
    System.exit(0);
  }

  private static void fail(String code, String message) {
    System.out.println("ERROR " + code + " " + message);
    System.out.flush();
    System.exit(2);
  }
}
