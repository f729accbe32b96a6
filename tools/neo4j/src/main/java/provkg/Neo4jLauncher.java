package provkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts a real, in-process Neo4j Community server (from neo4j-harness) for provkg's tests and CI.
 *
 * <p>Bolt listens on 127.0.0.1 only, HTTP/HTTPS are disabled, authentication is ON with the user
 * {@code neo4j} and the password from {@code NEO4J_PASSWORD}. {@code LOAD CSV FROM 'file:///x.csv'}
 * reads from the import directory. Every start gives a fresh, empty database: the harness creates a
 * random sub-folder of the data directory and deletes it on shutdown.
 *
 * <p>Usage: {@code java -jar neo4j-launcher.jar [--bolt-port N] [--data-dir DIR] [--import-dir DIR]}
 * (each flag falls back to NEO4J_BOLT_PORT / NEO4J_DATA_DIR / NEO4J_IMPORT_DIR). Prints
 * {@code READY bolt://127.0.0.1:PORT} once the server accepts authenticated connections, then runs
 * until SIGTERM/SIGINT, on which it shuts the database down cleanly.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "neo4j";
    private static final String DEFAULT_PASSWORD = "provkg-test-pw";
    private static final int DEFAULT_PORT = 7687;

    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String port = env.getOrDefault("NEO4J_BOLT_PORT", Integer.toString(DEFAULT_PORT));
        String dataDir = env.getOrDefault("NEO4J_DATA_DIR", "/tmp/provkg-neo4j/data");
        String importDir = env.get("NEO4J_IMPORT_DIR");
        String password = env.getOrDefault("NEO4J_PASSWORD", DEFAULT_PASSWORD);

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bolt-port" -> port = value(args, ++i, a);
                case "--data-dir" -> dataDir = value(args, ++i, a);
                case "--import-dir" -> importDir = value(args, ++i, a);
                case "-h", "--help" -> {
                    System.out.println(
                            "usage: Neo4jLauncher [--bolt-port N] [--data-dir DIR] [--import-dir DIR]\n"
                                    + "env: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (provkg-test-pw),"
                                    + " NEO4J_DATA_DIR, NEO4J_IMPORT_DIR (DATA_DIR/../import)");
                    return;
                }
                default -> fail("unknown argument: " + a);
            }
        }

        int boltPort = parsePort(port);
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD must be at least 8 characters (Neo4j's minimum password length)");
        }
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Path imports = (importDir == null || importDir.isEmpty())
                ? data.resolveSibling("import")
                : Path.of(importDir).toAbsolutePath().normalize();
        Files.createDirectories(data);
        Files.createDirectories(imports);

        Neo4j neo4j;
        try {
            neo4j = Neo4jBuilders.newInProcessBuilder(data)
                    .withDisabledServer() // no HTTP/HTTPS connectors at all
                    .withConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                    .withConfig(HttpConnector.enabled, false)
                    .withConfig(HttpsConnector.enabled, false)
                    .withConfig(BoltConnector.enabled, true)
                    .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, boltPort))
                    .withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort))
                    .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Test server: do not wait long for idle Bolt connections/threads on shutdown.
                    .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .withConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Tests deliberately log in with wrong passwords; Neo4j's default (3 failures lock the
                    // user for 5 s, even for the right password) would make the next test flaky.
                    .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                    .withConfig(GraphDatabaseSettings.allow_file_urls, true)
                    .withConfig(GraphDatabaseSettings.load_csv_file_url_root, imports)
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                    .build();
        } catch (RuntimeException e) {
            System.err.println("FAILED to start Neo4j on bolt://" + HOST + ":" + boltPort + ": " + e);
            System.err.println("(Neo4j's own logs: " + data + "/*/neo4j.log and " + data + "/*/logs/debug.log)");
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING Neo4j");
            System.out.flush();
            try {
                neo4j.close();
            } finally {
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            // The harness creates user `neo4j` with password `neo4j` and "change required". Set the
            // real password through the embedded API (it bypasses Bolt auth) before announcing READY.
            neo4j.databaseManagementService()
                    .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            System.err.println("FAILED to set the password of user " + USER + ": " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
        System.out.println("Neo4j " + version + " Community, user " + USER + ", import dir " + imports);
        System.out.println("READY bolt://" + HOST + ":" + boltPort);
        System.out.flush();

        stopped.await();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            fail("bad bolt port: " + s);
            return -1;
        }
    }

    private static void fail(String msg) {
        System.err.println("Neo4jLauncher: " + msg);
        System.exit(2);
    }
}
