package io.hallwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Benchmark 6 (bench/screens starts the platform, web and the simulator): in a real headless Chromium,
 * (a) how long after a clerk's call-next click the hall display shows the call, and (b) what each
 * screen weighs on a first visit.
 *
 * <p>(a) A hall of its own (one business type, counter C01, a clerk signed in through web's gateway) so
 * that every call is the benchmark's: for each call a ticket is issued at the queue-service, then
 * t0 = {@code System.currentTimeMillis()} and the same POST the counter workstation's call-next button
 * sends ({@code /api/v1/branches/{b}/counters/C01/call-next}, the sign-in cookie, a fresh
 * {@code Idempotency-Key}, body {@code {}}) goes through web. In the display page, signed in as the
 * hall's display device, a MutationObserver on the current call ({@code #now}'s {@code data-ticket},
 * set when the display renders a pushed call) records {@code Date.now()} the first time each number
 * appears; both clocks are this machine's wall clock. The customer is then marked a no-show, which frees
 * the counter for the next call.
 *
 * <p>(b) With the browser's cache disabled (DevTools protocol) and no cookie, each screen is opened
 * through the development sign-in as the role that owns it, and once its requests have settled the
 * navigation's and every resource's {@code transferSize} (headers and body as transferred) and
 * {@code encodedBodySize} are summed from the Performance API: HTML, style, scripts, the font, the API
 * answers the page asked for. A push stream (SSE) still open is not a finished resource and is not counted.
 */
public final class ScreensBench {
    private static final String HALL = "BENCH-SCREENS";
    private static final String COUNTER = "C01";
    private static final String CLERK = "bench-clerk";
    private static final long TARGET_P99_MS = 1000;
    private static final int TARGET_CALLS = 200;
    /** 300 KB, a kilobyte being 1,000 bytes (the stricter reading). */
    private static final long TARGET_BYTES = 300_000;
    /** Processes other than the benchmark's own may use at most this many cores while it measures. */
    private static final double QUIET_OTHERS_CORES = 0.25;
    private static final Duration SHOW_DEADLINE = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String TOKEN = System.getenv("BENCH_TOKEN");

    private final Map<String, String> args;
    private final List<String> processes;
    private final String web;
    private final String queue;
    private final String counter;
    private WebDriver browser;
    /** With {@code --click page}: the counter workstation, in a second browser, whose call-next button is clicked. */
    private WebDriver counterBrowser;

    private ScreensBench(Map<String, String> args, List<String> processes) {
        this.args = args;
        this.processes = processes;
        this.web = args.get("web");
        this.queue = args.get("queue");
        this.counter = args.get("counter");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        List<String> processes = new ArrayList<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String key = argv[i].replaceFirst("^--", "");
            if (key.equals("process")) {
                processes.add(argv[i + 1]);
            } else {
                a.put(key, argv[i + 1]);
            }
        }
        new ScreensBench(a, processes).run();
    }

    /** One measured call: click to answer, click to shown (-1: not shown within the deadline). */
    record Call(String number, long answeredMs, long shownMs) {
    }

    /** One screen's first visit. */
    record Weight(String screen, String path, long transferred, long encoded, int resources, long fontBytes,
                  long apiBytes, boolean fromCache, String biggest) {
    }

    private void run() throws Exception {
        int calls = Integer.parseInt(args.getOrDefault("calls", "200"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
        long intervalMs = Long.parseLong(args.getOrDefault("interval-ms", "1000"));
        String click = args.getOrDefault("click", "page");
        if (!click.equals("gateway") && !click.equals("page")) {
            throw new IllegalArgumentException("--click is gateway or page, not " + click);
        }
        Path simLog = Path.of(args.get("sim-log"));
        Instant started = Instant.now();

        setUpHall();
        waitForTheSimulatorsDay(simLog, Instant.ofEpochSecond(Long.parseLong(args.get("opens-at"))));
        String clerkCookie = signInCookie("clerk", HALL, CLERK);
        gateway("POST", "/api/v1/branches/" + HALL + "/counters/" + COUNTER + "/sign-in", "{\"clerkId\":\"" + CLERK + "\"}",
                clerkCookie, null).expect(200);
        browser = startBrowser();
        openDisplay();
        if (click.equals("page")) {
            openCounter();
        }

        System.out.printf("%s  warming up with %d calls%n", Instant.now(), warmup);
        int warmShown = 0;
        for (int i = 0; i < warmup; i++) {
            if (call(click, clerkCookie, intervalMs).shownMs() >= 0) {
                warmShown++;
            }
        }
        if (warmup > 0 && warmShown == 0) {
            throw new IllegalStateException("no warm-up call reached the display; see bench/target/platform/logs/web.log");
        }

        Optional<SimulatorTotals> simBefore = SimulatorTotals.last(simLog);
        Usage usageBefore = usage();
        Instant from = Instant.now();
        List<Call> measured = new ArrayList<>();
        double maxLoad = load1();
        for (int i = 0; i < calls; i++) {
            measured.add(call(click, clerkCookie, intervalMs));
            maxLoad = Math.max(maxLoad, load1());
            if ((i + 1) % 20 == 0) {
                System.out.printf("%s  %d of %d calls; %s%n", Instant.now(), i + 1, calls, Machine.load());
            }
        }
        Instant to = Instant.now();
        Usage usageAfter = usage();
        Optional<SimulatorTotals> simAfter = SimulatorTotals.last(simLog);
        boolean simulatorAlive = processes.stream().filter(p -> p.startsWith("simulator="))
                .map(p -> ProcessHandle.of(Long.parseLong(p.substring(p.indexOf('=') + 1))).map(ProcessHandle::isAlive).orElse(false))
                .findFirst().orElse(false);

        if (counterBrowser != null) {
            counterBrowser.quit();
        }
        List<Weight> weights = weigh();
        browser.quit();
        String report = report(click, started, from, to, measured, simBefore, simAfter, simulatorAlive, usageBefore, usageAfter, maxLoad, weights);
        Path out = Path.of(args.getOrDefault("out", "bench/results/screens.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    // --- the hall, the sign-ins, the browser ---

    private void setUpHall() throws Exception {
        admin(queue + "/api/v1/branches/" + HALL, """
                {"name":"基准测试营业厅","opensAt":"00:00","closesAt":"23:59:59","businessTypes":["PAYMENT"]}""").expect(200, 201);
        admin(counter + "/api/v1/branches/" + HALL + "/counters/" + COUNTER, """
                {"label":"1号台","vip":false,"skills":["PAYMENT"]}""").expect(200, 201);
    }

    /** Until the simulator's branches are set up and its day has opened, so that every measured call is under its load. */
    private static void waitForTheSimulatorsDay(Path simLog, Instant opensAt) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Instant ready = opensAt.plusSeconds(15);
        while (SimulatorTotals.started(simLog).isEmpty() || Instant.now().isBefore(ready)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the simulator did not start its day within 5 minutes; see " + simLog);
            }
            System.out.printf("%s  waiting for the simulator's day (opens %s, +15 s)%n", Instant.now(), opensAt);
            Thread.sleep(5_000);
        }
        System.out.println(SimulatorTotals.started(simLog).orElse(""));
    }

    /** The development sign-in's form, as a browser posts it; the cookie ("name=token"). */
    private String signInCookie(String role, String branches, String subject) throws Exception {
        String form = "role=" + role + "&branches=" + URLEncoder.encode(branches, StandardCharsets.UTF_8)
                + "&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&next=%2F";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(web + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + r.statusCode() + " (is the development sign-in on?)");
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private WebDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(args.get("chromium")));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1920,1080", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(args.get("chromedriver")))
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        long chromeHeight = (Long) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1920, (int) (1080 + chromeHeight)));
        return driver;
    }

    /** Signs in through the form in the browser, as the role that owns the screen, and lands on it. */
    private void openThroughSignIn(String path, String role, String subject) {
        openThroughSignIn(browser, path, role, subject);
    }

    private void openThroughSignIn(WebDriver driver, String path, String role, String subject) {
        driver.get(web + "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        waiting(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        new Select(driver.findElement(By.id("role"))).selectByValue(role);
        driver.findElement(By.id("branches")).clear();
        driver.findElement(By.id("branches")).sendKeys(HALL);
        if (subject != null) {
            driver.findElement(By.id("subject")).sendKeys(subject);
        }
        driver.findElement(By.id("signin")).click();
        waiting(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith(path));
    }

    private void openDisplay() {
        openThroughSignIn("/display/" + HALL, "kiosk", "display-" + HALL);
        waiting(Duration.ofSeconds(15)).until(d -> "loaded".equals(js("return document.fonts.status"))
                && d.findElements(By.id("now")).size() == 1);
        // The moment the display shows a call: its current call takes the new number (renderNow sets data-ticket).
        js("""
                window.__shown = {};
                const now = document.getElementById('now');
                new MutationObserver(() => {
                  const t = now.dataset.ticket;
                  if (t && !(t in window.__shown)) window.__shown[t] = Date.now();
                }).observe(now, { attributes: true, attributeFilter: ['data-ticket'] });
                return true;""");
    }

    /** The counter workstation in a second browser, its clicks on call-next timed in the page (a capture listener, before the button's own). */
    private void openCounter() {
        counterBrowser = startBrowser();
        openThroughSignIn(counterBrowser, "/counter/" + HALL + "/" + COUNTER, "clerk", CLERK);
        waiting(counterBrowser, Duration.ofSeconds(15)).until(d -> "OPEN".equals(d.findElement(By.tagName("body")).getAttribute("data-status")));
        ((JavascriptExecutor) counterBrowser).executeScript("""
                window.__clicks = [];
                document.addEventListener('click', e => {
                  if (e.target.closest && e.target.closest('#call-next')) window.__clicks.push(Date.now());
                }, true);
                return true;""");
    }

    // --- (a) click to display ---

    private Call call(String click, String clerkCookie, long intervalMs) throws Exception {
        return click.equals("page") ? clickOnThePage(intervalMs) : call(clerkCookie, intervalMs);
    }

    /**
     * A real click on the counter workstation's call-next button: t0 is {@code Date.now()} in the counter page when the
     * click reaches the document (before the button's handler sends the POST); answered is when the page's call-next
     * request got its answer (Resource Timing), on the same clock.
     */
    private Call clickOnThePage(long intervalMs) throws Exception {
        JavascriptExecutor page = (JavascriptExecutor) counterBrowser;
        String number = admin(queue + "/api/v1/branches/" + HALL + "/tickets", "{\"businessType\":\"PAYMENT\"}").expect(201).body()
                .path("number").asText();
        waiting(counterBrowser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("call-next")));
        page.executeScript("performance.clearResourceTimings(); return true;");
        long before = ((Number) page.executeScript("return window.__clicks.length")).longValue();
        counterBrowser.findElement(By.id("call-next")).click();
        long t0 = ((Number) page.executeScript("return window.__clicks[arguments[0]] || 0", before)).longValue();
        if (t0 == 0) {
            throw new IllegalStateException("the click on call-next was not seen by the counter page");
        }
        long shownAt = waitShown(number, t0);
        Object answeredAt = page.executeScript("""
                const e = performance.getEntriesByType('resource').filter(r => r.name.endsWith('/call-next')).pop();
                return e ? Math.round(performance.timeOrigin + e.responseEnd) : 0;""");
        long answered = ((Number) answeredAt).longValue();
        waiting(counterBrowser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("no-show")));
        counterBrowser.findElement(By.id("no-show")).click();
        waiting(counterBrowser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("customer-box")).getAttribute("hidden") != null);
        long rest = t0 + intervalMs - System.currentTimeMillis();
        if (rest > 0) {
            Thread.sleep(rest);
        }
        return new Call(number, answered > 0 ? answered - t0 : -1, shownAt > 0 ? shownAt - t0 : -1);
    }

    /** When the display page saw the number become its current call ({@code Date.now()} there), or 0 after the deadline. */
    private long waitShown(String number, long t0) throws InterruptedException {
        long deadline = t0 + SHOW_DEADLINE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            long shownAt = ((Number) ((JavascriptExecutor) browser).executeScript("return window.__shown[arguments[0]] || 0", number)).longValue();
            if (shownAt > 0) {
                return shownAt;
            }
            Thread.sleep(25);
        }
        return 0;
    }

    private Call call(String clerkCookie, long intervalMs) throws Exception {
        JsonNode issued = admin(queue + "/api/v1/branches/" + HALL + "/tickets", "{\"businessType\":\"PAYMENT\"}").expect(201).body();
        String issuedNumber = issued.path("number").asText();
        String base = "/api/v1/branches/" + HALL + "/counters/" + COUNTER;
        long t0 = System.currentTimeMillis();
        HallwatchApi.Answer answer = gateway("POST", base + "/call-next", "{}", clerkCookie, UUID.randomUUID().toString());
        long answered = System.currentTimeMillis() - t0;
        answer.expect(200);
        String number = answer.body().path("customer").path("number").asText();
        if (!number.equals(issuedNumber)) {
            System.out.printf("note: called %s, issued %s%n", number, issuedNumber);
        }
        long shownAt = waitShown(number, t0);
        gateway("POST", base + "/no-show", "{}", clerkCookie, null).expect(200);
        long rest = t0 + intervalMs - System.currentTimeMillis();
        if (rest > 0) {
            Thread.sleep(rest);
        }
        return new Call(number, answered, shownAt > 0 ? shownAt - t0 : -1);
    }

    // --- (b) weights ---

    private List<Weight> weigh() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        List<Weight> weights = new ArrayList<>();
        String[][] screens = {
                {"sign-in", "/signin", null, null},
                {"kiosk", "/kiosk/" + HALL, "kiosk", "kiosk-" + HALL},
                {"display", "/display/" + HALL, "kiosk", "display-" + HALL},
                {"counter", "/counter/" + HALL + "/" + COUNTER, "clerk", CLERK},
                {"duty", "/duty/" + HALL, "duty-manager", "duty-" + HALL},
                {"board", "/board", "manager", "manager-" + HALL},
                {"day report", "/report/" + HALL, "manager", "manager-" + HALL},
        };
        for (String[] s : screens) {
            browser.manage().deleteAllCookies();
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
            if (s[2] == null) {
                browser.get(web + s[1]);
            } else {
                openThroughSignIn(s[1], s[2], s[3]);
            }
            weights.add(measureWeight(s[0], s[1]));
        }
        return weights;
    }

    private Weight measureWeight(String screen, String path) throws InterruptedException {
        waiting(Duration.ofSeconds(20)).until(d -> "complete".equals(js("return document.readyState"))
                && "loaded".equals(js("return document.fonts.status")));
        // Settled: no new resource entry for 1.5 s (the screens' first API answers, the font).
        long count = -1;
        long stableSince = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            long now = ((Number) js("return performance.getEntriesByType('resource').length")).longValue();
            if (now != count) {
                count = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince >= 1500) {
                break;
            }
            Thread.sleep(100);
        }
        String json = (String) js("""
                const n = performance.getEntriesByType('navigation')[0];
                const r = performance.getEntriesByType('resource');
                return JSON.stringify({
                  nav: { name: n.name, transfer: n.transferSize, encoded: n.encodedBodySize },
                  res: r.map(e => ({ name: e.name, type: e.initiatorType, transfer: e.transferSize, encoded: e.encodedBodySize }))
                });""");
        JsonNode entries;
        try {
            entries = HallwatchApi.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long transferred = entries.path("nav").path("transfer").asLong();
        long encoded = entries.path("nav").path("encoded").asLong();
        long font = 0;
        long api = 0;
        boolean fromCache = transferred == 0 && encoded > 0;
        String biggest = "";
        long biggestBytes = -1;
        for (JsonNode e : entries.path("res")) {
            long t = e.path("transfer").asLong();
            long enc = e.path("encoded").asLong();
            transferred += t;
            encoded += enc;
            fromCache |= t == 0 && enc > 0;
            String name = URI.create(e.path("name").asText()).getPath();
            if (name.endsWith(".woff2")) {
                font += t;
            } else if (name.startsWith("/api/")) {
                api += t;
            }
            if (t > biggestBytes) {
                biggestBytes = t;
                biggest = name + " " + t;
            }
        }
        System.out.printf("%s  %s: %d bytes transferred, %d resources%n", Instant.now(), screen, transferred, entries.path("res").size());
        return new Weight(screen, path, transferred, encoded, entries.path("res").size(), font, api, fromCache, biggest);
    }

    // --- the machine ---

    /** CPU seconds so far: the whole machine's, and the benchmark's own (its platform, PostgreSQL, the browser, this JVM). */
    record Usage(double machine, double ours, long atMillis) {
    }

    private Usage usage() {
        double ours = Machine.cpuSeconds(ProcessHandle.current().pid());
        for (String p : processes) {
            ours += Math.max(0, Machine.cpuSeconds(Long.parseLong(p.substring(p.indexOf('=') + 1))));
        }
        for (String command : List.of("postgres", "chromium", "chromedriver")) {
            ours += Math.max(0, Machine.cpuSecondsOfCommand(command));
        }
        return new Usage(Machine.machineBusySeconds(), ours, System.currentTimeMillis());
    }

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (Exception e) {
            return -1;
        }
    }

    // --- the report ---

    private String report(String click, Instant started, Instant from, Instant to, List<Call> calls, Optional<SimulatorTotals> simBefore,
                          Optional<SimulatorTotals> simAfter, boolean simulatorAlive, Usage u0, Usage u1, double maxLoad,
                          List<Weight> weights) {
        List<Long> shown = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        int missed = 0;
        for (Call c : calls) {
            if (c.answeredMs() >= 0) {
                answered.add(c.answeredMs());
            }
            if (c.shownMs() < 0) {
                missed++;
            } else {
                shown.add(c.shownMs());
            }
        }
        Collections.sort(shown);
        Collections.sort(answered);
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = Math.max(1, (u1.atMillis() - u0.atMillis()) / 1000.0);
        double othersCores = Math.max(0, ((u1.machine() - u0.machine()) - (u1.ours() - u0.ours())) / seconds);
        double oursCores = (u1.ours() - u0.ours()) / seconds;
        double loadBefore = parseLoad(args.getOrDefault("load-before", ""));

        List<String> notQuiet = new ArrayList<>();
        if (loadBefore < 0 || loadBefore >= cores) {
            notQuiet.add(String.format(Locale.ROOT, "load average %.2f before the benchmark started anything (the rule: below %d, the cores)", loadBefore, cores));
        }
        if (othersCores >= QUIET_OTHERS_CORES) {
            notQuiet.add(String.format(Locale.ROOT, "other processes used %.2f cores while it measured (the rule: under %.2f)", othersCores, QUIET_OTHERS_CORES));
        }
        List<String> noLoad = new ArrayList<>();
        if (!simulatorAlive) {
            noLoad.add("the simulator was not running at the end");
        }
        if (simBefore.isEmpty() || simAfter.isEmpty()) {
            noLoad.add("no totals line in the simulator's log");
        } else {
            if (simAfter.get().issued() <= simBefore.get().issued()) {
                noLoad.add("the simulator issued no ticket during the calls");
            }
            if (simAfter.get().served() <= simBefore.get().served()) {
                noLoad.add("the simulator's clerks served nobody during the calls");
            }
        }

        long p99 = shown.isEmpty() ? -1 : rank(shown, 0.99);
        String latencyVerdict;
        if (calls.size() < TARGET_CALLS) {
            latencyVerdict = "**not judged**: " + calls.size() + " calls, the target is judged over " + TARGET_CALLS + " (a smoke run)";
        } else if (!noLoad.isEmpty()) {
            latencyVerdict = "**not judged**: not under the simulator's load (" + String.join("; ", noLoad) + ")";
        } else if (!notQuiet.isEmpty()) {
            latencyVerdict = "**not judged**: the machine was not quiet (" + String.join("; ", notQuiet) + ")";
        } else if (missed > 0) {
            latencyVerdict = "**not met**: " + missed + " calls did not show within " + SHOW_DEADLINE.toSeconds() + " s";
        } else {
            latencyVerdict = p99 < TARGET_P99_MS ? "**met**" : "**not met**";
        }

        StringBuilder out = new StringBuilder();
        out.append("# Benchmark 6: the screens\n\n")
                .append("Run `bench/screens` (").append(started).append(" to ").append(Instant.now()).append(", ").append(Machine.describe())
                .append("). ").append(args.getOrDefault("context", "")).append("\n\n")
                .append("Load before the benchmark started anything (uptime): ").append(args.getOrDefault("load-before", "?")).append("  \n")
                .append(String.format(Locale.ROOT, "Highest 1-minute load average during the calls: %.2f (the benchmark's own platform, simulator and browser included).  %n", maxLoad))
                .append(String.format(Locale.ROOT, "CPU while measuring (%s to %s, %.0f s): the machine %.2f cores busy; the benchmark's own processes (services, web, Kafka, "
                                + "the simulator, every PostgreSQL and Chromium process, this JVM) %.2f cores, others %.2f cores (the machine less ours, not below 0; "
                                + "PostgreSQL and Chromium processes of other runs count as ours, so this errs towards quiet).%n%n",
                        from, to, seconds, (u1.machine() - u0.machine()) / seconds, oursCores, othersCores));

        String clickText = click.equals("page")
                ? "a real click on the counter workstation's call-next button in a second headless Chromium (`--click page`), t0 = "
                + "`Date.now()` in the counter page as the click reaches it, answered = the page's call-next request's `responseEnd`"
                : "t0 = the machine clock, then the counter workstation's call-next POST through web's gateway (`--click gateway`: the "
                + "clerk's sign-in cookie, `{}`, a fresh Idempotency-Key), answered = its answer";
        out.append("## (a) Call click → hall display shows\n\n")
                .append("Hall ").append(HALL).append(", counter ").append(COUNTER).append(": per call a ticket issued, then ").append(clickText)
                .append("; shown = `Date.now()` in the display page (headless Chromium) when a MutationObserver sees `#now` take the called number; ")
                .append("then a no-show frees the counter. One call every ").append(args.getOrDefault("interval-ms", "1000")).append(" ms.\n\n")
                .append("| calls | shown | missed (> ").append(SHOW_DEADLINE.toSeconds()).append(" s) | click → shown p50 ms | p99 ms | max ms | click → call-next answered p50 ms | p99 ms | target | verdict |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")
                .append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %s | %s | %s | p99 < %d ms over %d calls under the simulator's load | %s |%n%n",
                        calls.size(), shown.size(), missed, ms(shown, 0.5), ms(shown, 0.99), shown.isEmpty() ? "–" : String.valueOf(shown.get(shown.size() - 1)),
                        ms(answered, 0.5), ms(answered, 0.99), TARGET_P99_MS, TARGET_CALLS, latencyVerdict));
        if (simBefore.isPresent() && simAfter.isPresent()) {
            SimulatorTotals b = simBefore.get();
            SimulatorTotals e = simAfter.get();
            out.append(String.format(Locale.ROOT, "The simulator during the calls (its totals lines, simulated %s to %s): %d tickets issued, %d customers served, "
                            + "%d REST calls (%d failed) at its %d branches; running at the end: %s.%n%n",
                    b.simulatedTime(), e.simulatedTime(), e.issued() - b.issued(), e.served() - b.served(), e.requests() - b.requests(),
                    e.failed() - b.failed(), e.branches(), simulatorAlive ? "yes" : "no"));
        } else {
            out.append("The simulator's totals could not be read: ").append(String.join("; ", noLoad)).append(".\n\n");
        }

        out.append("## (b) Each screen's weight on a first visit\n\n")
                .append("Cache disabled, no cookie, signed in through the development sign-in as the role that owns the screen; the ")
                .append("navigation and every finished resource (a push stream still open is not counted), from the Performance API. ")
                .append("Transferred = `transferSize` (headers and body as sent); body = `encodedBodySize`. Target: under 300 KB (300,000 bytes) each.\n\n")
                .append("| screen | address | transferred bytes | body bytes | resources | of it the font | of it API answers | biggest | target |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Weight w : weights) {
            String verdict = w.fromCache() ? "**not judged**: a resource came from the cache" : w.transferred() < TARGET_BYTES ? "**met**" : "**not met**";
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %,d | %,d | %d | %,d | %,d | %s | %s |%n", w.screen(), w.path(), w.transferred(),
                    w.encoded(), w.resources(), w.fontBytes(), w.apiBytes(), w.biggest(), verdict));
        }
        out.append("\nThe weights do not depend on the machine's load; the sign-in page is the development sign-in's form (production signs ")
                .append("people in at the operator's identity provider).\n\n");
        return out.toString();
    }

    private static double parseLoad(String uptime) {
        int i = uptime.indexOf("load average:");
        if (i < 0) {
            return -1;
        }
        try {
            return Double.parseDouble(uptime.substring(i + "load average:".length()).trim().split(",\\s*")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long rank(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? "–" : String.valueOf(rank(sorted, q));
    }

    // --- HTTP ---

    private HallwatchApi.Answer gateway(String method, String path, String json, String cookie, String idempotencyKey) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web + path)).timeout(Duration.ofSeconds(15))
                .header("Cookie", cookie).header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return answer(HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A set-up call straight to a service with the bench platform's token (bench/platform.sh mints it). */
    private static HallwatchApi.Answer admin(String url, String json) throws Exception {
        boolean put = !url.endsWith("/tickets");
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(put ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString(json));
        return answer(HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static HallwatchApi.Answer answer(HttpResponse<String> r) throws Exception {
        String body = r.body();
        return new HallwatchApi.Answer(r.statusCode(), body == null || body.isBlank() ? null : HallwatchApi.JSON.readTree(body));
    }

    private WebDriverWait waiting(Duration timeout) {
        return waiting(browser, timeout);
    }

    private static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
