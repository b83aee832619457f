import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small round-robin in front of a service's replicas for a local run with HALLWATCH_REPLICAS > 1 (what a
 * Kubernetes Service or a load balancer is in production): listens on the service's documented port and hands each
 * new TCP connection to the next replica in turn, skipping one that does not accept a connection (killed, restarting),
 * so that the web front end, counter-service and the simulator keep working while a replica is down. Connection-level,
 * not request-level: a keep-alive connection stays with its replica until either side closes it, and a replica that
 * dies drops its connections, which the callers' retries open again on a live one.
 *
 * <pre>java RoundRobin.java &lt;listen port&gt; &lt;replica port&gt; [&lt;replica port&gt;...]</pre>
 */
public final class RoundRobin {
    private static final int CONNECT_TIMEOUT_MS = 500;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java RoundRobin.java <listen port> <replica port> [<replica port>...]");
            System.exit(2);
        }
        int listen = Integer.parseInt(args[0]);
        List<Integer> replicas = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            replicas.add(Integer.parseInt(args[i]));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pump");
            t.setDaemon(true);
            return t;
        });
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", listen), 256);
            log("listening on :" + listen + ", replicas " + replicas);
            while (true) {
                Socket client = server.accept();
                pumps.execute(() -> connect(client, replicas, next, pumps));
            }
        }
    }

    /** The next replica that accepts, in turn; none: the client's connection is closed (it sees a refused call). */
    private static void connect(Socket client, List<Integer> replicas, AtomicInteger next, ExecutorService pumps) {
        int first = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            int port = replicas.get((first + i) % replicas.size());
            Socket replica = new Socket();
            try {
                replica.setTcpNoDelay(true);
                replica.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                close(replica);
                continue; // down: the next one
            }
            try {
                client.setTcpNoDelay(true);
            } catch (IOException ignored) {
                // a client already gone: the pumps end at once
            }
            // Both sockets close once both directions have ended (or one side failed).
            AtomicInteger directions = new AtomicInteger(2);
            Runnable ended = () -> {
                if (directions.decrementAndGet() == 0) {
                    close(client);
                    close(replica);
                }
            };
            pumps.execute(() -> pump(client, replica, ended));
            pump(replica, client, ended);
            return;
        }
        log("no replica of " + replicas + " accepts a connection");
        close(client);
    }

    /** Copies {@code from} to {@code to} until {@code from} ends, then ends {@code to}'s output so the other side sees it. */
    private static void pump(Socket from, Socket to, Runnable ended) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // a side reset or was killed: both ends close, the caller's retry takes a live replica
            close(from);
            close(to);
        } finally {
            ended.run();
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " round-robin: " + message);
    }
}
