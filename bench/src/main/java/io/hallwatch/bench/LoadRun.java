package io.hallwatch.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives one HTTP request shape and records latency in an HdrHistogram.
 * <p>
 * Open loop: requests are due at a fixed rate whatever the answers do, and each latency is
 * measured from when the request was <em>due</em>, not from when it was sent, so a stall that
 * delays later requests is charged to them (no coordinated omission, as wrk2 does it).
 * Closed loop: a fixed number of clients each send the next request when the last answered.
 */
final class LoadRun {
    record Result(String name, long requests, long errors, double seconds, Histogram histogram) {
        double throughput() {
            return requests / seconds;
        }

        double ms(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(16))
            .connectTimeout(Duration.ofSeconds(2)).build();

    private LoadRun() {
    }

    static Result openLoop(String name, Supplier<HttpRequest> request, int ratePerSecond, Duration duration) throws InterruptedException {
        return openLoop(name, request, ratePerSecond, duration, null);
    }

    /**
     * As {@link #openLoop(String, Supplier, int, Duration)}, handing each answer under 400 (its body) to {@code answered}
     * once its latency is taken: what the caller does next is not timed.
     */
    static Result openLoop(String name, Supplier<HttpRequest> request, int ratePerSecond, Duration duration,
                           java.util.function.Consumer<String> answered) throws InterruptedException {
        Histogram histogram = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        AtomicLong errors = new AtomicLong();
        long total = ratePerSecond * duration.toSeconds();
        long periodNanos = 1_000_000_000L / ratePerSecond;
        CountDownLatch done = new CountDownLatch((int) total);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HTTP.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - due);
                if (e != null || r.statusCode() >= 400) {
                    errors.incrementAndGet();
                } else if (answered != null) {
                    answered.accept(r.body());
                }
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        latencies.forEach(histogram::recordValue);
        return new Result(name, total, errors.get(), seconds, histogram);
    }

    static Result closedLoop(String name, Supplier<HttpRequest> request, int clients, Duration duration) throws InterruptedException {
        Histogram histogram = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[clients];
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            workers[c] = CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = HTTP.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    synchronized (histogram) {
                        histogram.recordValue(System.nanoTime() - sent);
                    }
                    requests.incrementAndGet();
                }
            }, pool);
        }
        CompletableFuture.allOf(workers).join();
        pool.shutdown();
        return new Result(name, requests.get(), errors.get(), (System.nanoTime() - start) / 1e9, histogram);
    }

    /** Sends {@code request} and forgets it: a step after a timed one, not timed itself. */
    static void send(HttpRequest request) {
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static HttpRequest postJson(String url, String json, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
