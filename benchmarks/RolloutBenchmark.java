import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The rollout benchmark, through the running application over HTTP, as its users' browsers would call it.
 * Generates a large and a small franchise (benchmarks/rollout-data.sql), then measures: starting a rollout,
 * the blockers board (response time p50/p95 and SQL statements per request at both sizes), and signatures per
 * second with a count of what reached the database. Run by benchmarks/rollout.sh; prints a Markdown table.
 *
 * <p>Arguments: base URL, database name, PostgreSQL server log file.
 */
public class RolloutBenchmark {

    private static final String PASSWORD = "bench password 1";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern SIGN_FORM = Pattern.compile("<form id=\"signForm\"(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private static String base;
    private static String database;
    private static Path serverLog;
    // HTTP/1.1 as browsers speak it to a server without TLS (they never ask for h2c, which this client would)
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Map<String, String> RESULTS = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        database = args[1];
        serverLog = Path.of(args[2]);
        int signers = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        if (args.length > 4 && args[4].equals("board")) {
            // only the board figures, against data and rollouts left by an earlier run
            evidenceCaughtUp();
            for (String slug : List.of("small", "bench")) {
                boardFigures(slug, login(slug + ".hq"));
            }
            return;
        }
        if (args.length > 4 && args[4].equals("faults")) {
            // signing under a database restart and a killed server (benchmarks/faults.sh)
            faults(signers, args.length > 5 ? args[5] : "both");
            return;
        }
        if (args.length > 5 && args[4].equals("reminders")) {
            // the rollout's notices and their mail to a local SMTP server (benchmarks/reminders.sh)
            reminders(args[5]);
            System.out.println();
            System.out.println("| What | Figure |");
            System.out.println("| --- | --- |");
            RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
            return;
        }
        if (args.length > 4 && args[4].equals("overview")) {
            // headquarters' feedback overview of the demo franchise (benchmarks/feedback.sh)
            overview();
            RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
            return;
        }
        if (args.length > 4 && args[4].equals("cluster")) {
            // two instances behind haproxy (benchmarks/cluster.sh): publication news, one mail per notice, fail-over
            cluster();
            System.out.println();
            System.out.println("| What | Figure |");
            System.out.println("| --- | --- |");
            RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
            return;
        }
        if (args.length > 4 && args[4].equals("signatures")) {
            // only the signatures, against data and a rollout left by an earlier run
            evidenceCaughtUp();
            signatures(signers);
            RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
            return;
        }

        if (psql("select count(*) from franchise where slug = 'bench'").strip().equals("0")) {
            String hash = cheapHash(PASSWORD);
            long generating = System.nanoTime();
            generate("bench", 2000, 50, hash);
            generate("small", 20, 50, hash);
            note("Generating 2,000 + 20 stores, 102,020 + 1,020 people, 9 earlier versions each (SQL)",
                    seconds(System.nanoTime() - generating));
        }
        evidenceCaughtUp();

        for (String slug : List.of("small", "bench")) {
            Session hq = login(slug + ".hq");
            String page = hq.get("/hq/rollout.xhtml");
            long started = System.nanoTime();
            String answer = hq.post("/hq/rollout.xhtml", page, "start",
                    Map.of("start:deadline_input", LocalDate.now().plusDays(30).toString(), "start:startRollout", ""));
            long took = System.nanoTime() - started;
            Matcher assigned = Pattern.compile("Rollout started: ([0-9,.]+) people").matcher(answer);
            if (!assigned.find()) {
                throw new IllegalStateException("the rollout did not start for " + slug + ":\n" + text(answer));
            }
            note("Starting the rollout over HTTP, " + slug + " (" + assigned.group(1) + " people)", seconds(took));
            boardFigures(slug, hq);
        }
        signatures(signers);
        System.out.println();
        System.out.println("| What | Figure |");
        System.out.println("| --- | --- |");
        RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
    }

    /**
     * The rollout to a franchise of 100,000 staff (and 2,000 managers), every one with an address: how long the
     * statement that writes their notices and mail rows takes (PostgreSQL's own duration log, for that post only),
     * then how long the running application's schedule takes to hand every mail to the local SMTP server, and
     * what the server holds afterwards (asked over its HTTP API, address by address).
     */
    private static void reminders(String sinkApi) throws Exception {
        if (psql("select count(*) from franchise where slug = 'mail'").strip().equals("0")) {
            long generating = System.nanoTime();
            generate("mail", 2000, 50, cheapHash(PASSWORD));
            // every person has an address, spread over 100 mailboxes: the sink slows down as its mailboxes grow
            // (one per address: from about 500 to 200 mails a second on the way to 102,000), which is the sink's
            // cost, not the dispatcher's
            psql("update person p set email = 'box' || (abs(hashtext(p.id::text)) % 100) || '@bench.example'"
                    + " from account a where a.id = p.account_id"
                    + " and p.tenant_id = (select id from franchise where slug = 'mail') and a.username <> 'mail.hq'");
            // statistics as a database in service has them (autovacuum); without, the planner guesses one row
            psql("analyze");
            note("Generating 2,000 stores, 102,000 people with addresses (SQL)", seconds(System.nanoTime() - generating));
        }
        String franchise = psql("select id from franchise where slug = 'mail'").strip();
        if (!psql("select count(*) from rollout where tenant_id = '" + franchise + "'").strip().equals("0")) {
            // an earlier run's rollout is undone (as the superuser, triggers off) so the same data serves again
            psql("set session_replication_role = replica; delete from mail_event where tenant_id = '" + franchise + "';"
                    + " delete from notice where tenant_id = '" + franchise + "';"
                    + " delete from compliance_rollup where version_id in (select version_id from rollout where tenant_id = '"
                    + franchise + "'); delete from assignment where version_id in (select version_id from rollout"
                    + " where tenant_id = '" + franchise + "'); update charter_version set status = 'FROZEN' where id in"
                    + " (select version_id from rollout where tenant_id = '" + franchise + "');"
                    + " delete from rollout where tenant_id = '" + franchise + "'");
            psql("vacuum analyze");
        }
        Session hq = login("mail.hq");
        String page = hq.get("/hq/rollout.xhtml");
        psql("alter system set log_min_duration_statement = 0");
        psql("select pg_reload_conf()");
        Thread.sleep(500);
        long from = Files.size(serverLog);
        long started = System.nanoTime();
        String answer = hq.post("/hq/rollout.xhtml", page, "start",
                Map.of("start:deadline_input", LocalDate.now().plusDays(30).toString(), "start:startRollout", ""));
        long took = System.nanoTime() - started;
        psql("alter system reset log_min_duration_statement");
        psql("select pg_reload_conf()");
        Matcher assigned = Pattern.compile("Rollout started: ([0-9,.]+) people").matcher(answer);
        if (!assigned.find()) {
            throw new IllegalStateException("the rollout did not start:\n" + text(answer));
        }
        note("Starting the rollout over HTTP (" + assigned.group(1) + " people; assignments, notices and mail rows)",
                seconds(took));
        String logged = logSince(from);
        Pattern duration = Pattern.compile("duration: ([0-9.]+) ms");
        for (String[] statement : List.of(
                new String[] {"insert into assignment", "Its statement assigning everyone"},
                new String[] {"insert into notice", "Its statement writing every notice and mail row (the inbox notices)"})) {
            logged.lines()
                    .filter(line -> line.contains("charter_app@" + database) && line.contains("execute")
                            && line.contains(statement[0]))
                    .map(duration::matcher)
                    .filter(Matcher::find)
                    .findFirst()
                    .ifPresent(m -> note(statement[1], String.format("%.2f s", Double.parseDouble(m.group(1)) / 1000)));
        }
        String counts = psql("select count(*) || ' notices, ' || count(mail_status) || ' of them by mail' from notice"
                + " where tenant_id = '" + franchise + "'");
        note("Written by the rollout", counts.strip());

        // the schedule claims every ten seconds and goes on until nothing due is left
        int total = Integer.parseInt(psql("select count(*) from notice where tenant_id = '" + franchise
                + "' and kind = 'TRAINING_ASSIGNED' and mail_status is not null").strip());
        long waitStarted = System.nanoTime();
        int sent = 0;
        int lastSent = -1;
        long lastProgress = System.nanoTime();
        while (sent < total && System.nanoTime() - lastProgress < Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(2000);
            sent = Integer.parseInt(psql("select count(*) from notice where tenant_id = '" + franchise
                    + "' and kind = 'TRAINING_ASSIGNED' and mail_status = 'SENT'").strip());
            if (sent != lastSent) {
                lastProgress = System.nanoTime();
                lastSent = sent;
                System.out.println("  sent " + sent + " of " + total);
            }
        }
        note("From the rollout's answer until the last mail was handed over", seconds(System.nanoTime() - waitStarted));
        String[] dispatch = psql("select extract(epoch from max(mail_sent_at) - min(mail_attempted_at)), count(*) filter (where mail_status = 'SENT'),"
                        + " count(*) filter (where mail_status <> 'SENT'), max(mail_attempts) from notice where tenant_id = '"
                        + franchise + "' and kind = 'TRAINING_ASSIGNED' and mail_status is not null")
                .strip()
                .split("\\|");
        double secondsSending = Double.parseDouble(dispatch[0]);
        note("Dispatching: from the first claim to the last mail recorded as sent", String.format("%.1f s", secondsSending));
        note("Dispatch rate", String.format("%.0f mails/s", Integer.parseInt(dispatch[1]) / secondsSending));
        note("Sent / not sent / most attempts of one mail", dispatch[1] + " / " + dispatch[2] + " / " + dispatch[3]);
        note("Mails with more than one SENT in their log", psql("select count(*) from (select notice_id from mail_event"
                + " where tenant_id = '" + franchise + "' and event = 'SENT' group by notice_id having count(*) > 1) twice").strip());

        // a planning round afterwards, as the schedule runs it every minute over 102,000 open assignments
        psql("alter system set log_min_duration_statement = 0");
        psql("select pg_reload_conf()");
        long roundFrom = Files.size(serverLog);
        Thread.sleep(65_000);
        psql("alter system reset log_min_duration_statement");
        psql("select pg_reload_conf()");
        String round = logSince(roundFrom);
        List<Double> rules = round.lines()
                .filter(line -> line.contains("charter_app@" + database) && line.contains("execute")
                        && line.contains("with due (person_id"))
                .map(duration::matcher)
                .filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1)))
                .toList();
        // nine rules a round; the window may hold one round or two
        double rounds = Math.max(1, rules.size() / 9.0);
        note("A planning round, the nine rules over 102,000 open assignments (" + rules.size() + " statements seen)",
                String.format("%.0f ms", rules.stream().mapToDouble(Double::doubleValue).sum() / rounds));

        // what the SMTP server holds: every Message-ID once
        List<String> boxes = Arrays.stream(psql("select distinct mail_address from notice where tenant_id = '" + franchise
                                + "' and kind = 'TRAINING_ASSIGNED' and mail_status is not null")
                        .split("\n"))
                .filter(a -> !a.isBlank())
                .toList();
        Pattern messageId = Pattern.compile("\"Message-ID\"\\s*:\\s*\"([^\"]+)\"");
        // the rollout's own mails: the sink also holds what the schedule wrote meanwhile (the managers' digests)
        java.util.Set<String> rollout = new java.util.HashSet<>(Arrays.asList(psql("select id from notice where tenant_id = '"
                        + franchise + "' and kind = 'TRAINING_ASSIGNED' and mail_status = 'SENT'")
                .split("\n")));
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger received = new AtomicInteger();
        long checking = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (String box : boxes) {
                asked.add(pool.submit(() -> {
                    HttpResponse<String> messages = HTTP.send(
                            HttpRequest.newBuilder(URI.create(sinkApi + "/api/user/" + enc(box) + "/messages/INBOX"))
                                    .timeout(Duration.ofMinutes(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = messageId.matcher(messages.body());
                    while (m.find()) {
                        String id = m.group(1).replaceAll("^<|@.*$", "");
                        if (rollout.contains(id)) {
                            received.incrementAndGet();
                            ids.add(id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : asked) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        int sentInDatabase = Integer.parseInt(dispatch[1]);
        note("The SMTP server holds: mails / distinct Message-IDs / duplicates / lost (sent in the database, not held)",
                received.get() + " / " + ids.size() + " / " + (received.get() - ids.size()) + " / "
                        + (sentInDatabase - ids.size()) + " (checked in " + seconds(System.nanoTime() - checking) + ")");
    }

    /** Board response times over 300 requests after 30 to warm up, and statements for one request. */
    private static void boardFigures(String slug, Session hq) throws Exception {
        for (int i = 0; i < 30; i++) {
            hq.get("/hq/rollout.xhtml");
        }
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            String page = hq.get("/hq/rollout.xhtml");
            times[i] = System.nanoTime() - started;
            if (!page.contains("board:stores")) {
                throw new IllegalStateException("no board on the page");
            }
        }
        Arrays.sort(times);
        note("Blockers board " + slug + ": p50 / p95 / max (300 requests, loopback)",
                millis(times[150]) + " / " + millis(times[284]) + " / " + millis(times[299]));
        note("Blockers board " + slug + ": SQL statements per request", String.valueOf(statements(() -> hq.get("/hq/rollout.xhtml"))));
    }

    /**
     * Signatures: {@code count} people of the large franchise, signed in and past the quiz beforehand; their sign
     * posts are sent by 8 clients at once and timed; then the database is asked how many signatures it holds.
     */
    private static void signatures(int count) throws Exception {
        psql("insert into quiz_attempt (id, tenant_id, person_id, version_id, locale, correct, questions, passed, answers)"
                + " select gen_random_uuid(), p.tenant_id, p.id, v.id, 'en', 1, 1, true, 'benchmark'"
                + " from person p join account a on a.id = p.account_id join charter_version v on v.tenant_id = p.tenant_id"
                + " and v.status = 'ROLLOUT' where a.username like 'bench.s%' and a.username not like '%.0'"
                + " and not exists (select 1 from quiz_attempt q where q.person_id = p.id)"
                // spread over the stores, as signatures arrive in a real rollout
                + " order by split_part(a.username, '.', 3)::int, a.username limit " + count);
        List<String> usernames = Arrays.stream(psql("select a.username from account a join person p on p.account_id = a.id"
                                + " join quiz_attempt q on q.person_id = p.id where a.username like 'bench.s%'"
                                // everyone signed the nine earlier versions: only this rollout's signature counts
                                + " and not exists (select 1 from acknowledgement k where k.person_id = p.id"
                                + " and k.version_id = q.version_id)"
                                + " order by a.username limit " + count)
                        .split("\n"))
                .filter(u -> !u.isBlank())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        // the first 100 sessions warm the server up (code, caches, connections); the heap per session is measured
        // over the others, so that what a cold server allocates once is not counted as sessions
        int warm = Math.min(100, usernames.size() / 10);
        List<String[]> ready = new ArrayList<>(prepare(pool, usernames.subList(0, warm)));
        long heapBefore = heapAfterCollection();
        ready.addAll(prepare(pool, usernames.subList(warm, usernames.size())));
        long heapSignedIn = heapAfterCollection();
        // what the sessions hold, by class: the heap histogram's largest rows (target/heap-histogram.txt)
        String pid = run("pgrep", "-f", "payara-micro.jar.*--port " + port()).strip().split("\\s+")[0];
        String histogram = run("jcmd", pid, "GC.class_histogram");
        Files.writeString(Path.of("target/heap-histogram.txt"), histogram);
        histogram.lines().limit(18).forEach(System.out::println);
        note("Heap per signed-in session, after sign-in and the training page (" + (ready.size() - warm)
                        + " sessions after " + warm + " to warm up, full collection before and after)",
                String.format("%,.1f KB", (heapSignedIn - heapBefore) / 1024.0 / (ready.size() - warm)));
        String countSql = "select count(*) from acknowledgement k join person p on p.id = k.person_id"
                + " join account a on a.id = p.account_id where a.username like 'bench.s%'";
        int before = Integer.parseInt(psql(countSql).strip());
        // the sign posts as each browser sends its sign form (the page's hidden fields and the typed name), prepared
        // before the clock starts
        List<String> bodies = new ArrayList<>();
        for (String[] one : ready) {
            bodies.add(Session.signBody(one[2], "Person " + one[0]));
        }
        int answered;
        int other;
        double took;
        String client;
        if ("java".equals(System.getenv("SIGN_CLIENT"))) {
            // the earlier rounds' client: Java's HTTP client, 8 threads, each post's answer checked
            client = "8 Java clients";
            AtomicInteger signed = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> sent = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < ready.size(); i++) {
                String[] one = ready.get(i);
                String body = bodies.get(i);
                sent.add(pool.submit(() -> {
                    Session session = new Session(one[1]);
                    session.follow = false;
                    String location = session.postSign(body);
                    (location.startsWith("redirect:") && location.contains("&signed=true") ? signed : refused)
                            .incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> post : sent) {
                post.get();
            }
            took = (System.nanoTime() - started) / 1e9;
            answered = signed.get();
            other = refused.get();
        } else {
            // wrk sends them over 8 connections, each post once, and counts the answers. Its CPU is a fraction of a
            // Java client's, which matters when client, server and database share two cores.
            client = "8 connections of wrk";
            Path posts = Path.of("target/sign-posts.txt");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < ready.size(); i++) {
                lines.add(ready.get(i)[1] + "\t" + bodies.get(i));
            }
            Files.write(posts, lines);
            List<Path> markers = List.of(Path.of(posts + ".done.1"), Path.of(posts + ".done.2"));
            for (Path marker : markers) {
                Files.deleteIfExists(marker);
            }
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c8", "-d600s", "--timeout", "120s", "-s",
                            "benchmarks/sign-posts.lua", base, "--", posts.toString(), "2")
                    .redirectErrorStream(true)
                    .start();
            // wrk runs for its whole -d: once both its threads are done, an interrupt makes it report at once
            while (wrk.isAlive() && !markers.stream().allMatch(Files::exists)) {
                Thread.sleep(100);
            }
            run("kill", "-INT", String.valueOf(wrk.pid()));
            String answer = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Files.delete(posts);
            for (Path marker : markers) {
                Files.deleteIfExists(marker);
            }
            // wrk's own summary: its request count includes the idle liveness checks; socket errors show here
            answer.lines().filter(l -> l.contains("Socket errors") || l.startsWith("signed")).forEach(System.out::println);
            Matcher figures = Pattern.compile("signed (\\d+) other (\\d+) seconds ([0-9.]+)").matcher(answer);
            if (!figures.find()) {
                throw new IllegalStateException("no figures from wrk:\n" + answer);
            }
            answered = Integer.parseInt(figures.group(1));
            other = Integer.parseInt(figures.group(2));
            took = Double.parseDouble(figures.group(3));
        }
        pool.shutdown();
        int after = Integer.parseInt(psql(countSql).strip());
        note("Signatures: " + ready.size() + " sign posts, " + client, String.format("%.1f s", took) + ", "
                + String.format("%,.0f", ready.size() / took) + " per second");
        note("Signatures: answered as signed / other answers / new rows in the database / lost",
                answered + " / " + other + " / " + (after - before) + " / " + (answered - (after - before)));
        // one more person, who has not signed this rollout yet (the last store's last employee first), signs alone
        String last = psql("select a.username from account a join person p on p.account_id = a.id"
                        + " join charter_version v on v.tenant_id = p.tenant_id and v.status = 'ROLLOUT'"
                        + " where a.username like 'bench.s%' and not exists (select 1 from acknowledgement k"
                        + " where k.person_id = p.id and k.version_id = v.id)"
                        + " and not exists (select 1 from quiz_attempt q where q.person_id = p.id)"
                        + " order by a.username desc limit 1")
                .strip();
        psql("insert into quiz_attempt (id, tenant_id, person_id, version_id, locale, correct, questions, passed, answers)"
                + " select gen_random_uuid(), p.tenant_id, p.id, v.id, 'en', 1, 1, true, 'benchmark'"
                + " from person p join account a on a.id = p.account_id join charter_version v on v.tenant_id = p.tenant_id"
                + " and v.status = 'ROLLOUT' where a.username = '" + last + "'");
        Session fresh = login(last);
        String form = fresh.get("/app/training.xhtml");
        fresh.follow = false;
        note("Signature post: SQL statements per request",
                String.valueOf(statements(() -> fresh.sign(form, "Person " + last))));
    }

    /**
     * Waits until both generated franchises have their first evidence checkpoint. The generated data holds 918,000
     * signatures that no checkpoint covers yet, and the first checkpoint hashes them all: it keeps a core busy for
     * minutes, and whichever measurement it overlapped came out slower. A franchise that grew by signing has had
     * its checkpoints taken a minute at a time, so the figures are taken after the first one, with the schedule's
     * checkpoint of each minute's new evidence still running.
     */
    private static void evidenceCaughtUp() throws Exception {
        long started = System.nanoTime();
        String taken = "select count(distinct f.slug) from evidence_checkpoint c join franchise f on f.id = c.tenant_id"
                + " where f.slug in ('bench', 'small')";
        while (!psql(taken).strip().equals("2")) {
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("no evidence checkpoint of the generated franchises after 30 minutes");
            }
            Thread.sleep(5_000);
        }
        note("Waiting for the first evidence checkpoint of the generated franchises", seconds(System.nanoTime() - started));
    }

    /** Signs each person in and opens their training page, 8 at once: username, cookies, the page. */
    private static List<String[]> prepare(ExecutorService pool, List<String> usernames) throws Exception {
        List<Future<String[]>> prepared = new ArrayList<>();
        for (String username : usernames) {
            prepared.add(pool.submit(() -> {
                Session session = login(username);
                String page = session.get("/app/training.xhtml");
                // the cookies as the browser holds them after the training page: a browser sends back the session's
                // latest version cookie, and an older one makes the server read the session back from the data grid
                return new String[] {username, session.cookie, page};
            }));
        }
        List<String[]> ready = new ArrayList<>();
        for (Future<String[]> future : prepared) {
            ready.add(future.get());
        }
        return ready;
    }

    /**
     * Signing while something breaks: {@code count} people of the small franchise post their signature, 8 clients
     * at once; a third of the way in PostgreSQL is restarted with {@code -m immediate} ("database") or the server
     * is killed with {@code kill -9} and started again ("server"). A client whose post fails signs in again and
     * retries until it is answered, for at most three minutes. Counts the signatures the clients were told were
     * confirmed, the rows in the database, the confirmed ones missing (lost), and the seconds from the fault
     * until the next confirmed signature.
     */
    private static void faults(int count, String which) throws Exception {
        if (psql("select count(*) from franchise where slug = 'small'").strip().equals("0")) {
            generate("small", 20, 50, cheapHash(PASSWORD));
        }
        if (psql("select count(*) from charter_version v join franchise f on f.id = v.tenant_id"
                        + " where f.slug = 'small' and v.status = 'ROLLOUT'").strip().equals("0")) {
            Session hq = login("small.hq");
            String page = hq.get("/hq/rollout.xhtml");
            hq.post("/hq/rollout.xhtml", page, "start",
                    Map.of("start:deadline_input", LocalDate.now().plusDays(30).toString(), "start:startRollout", ""));
        }
        for (String kind : which.equals("both") ? List.of("database", "server") : List.of(which)) {
            faultRun(kind, count);
        }
        System.out.println();
        System.out.println("| Fault | Figure |");
        System.out.println("| --- | --- |");
        RESULTS.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
    }

    private static void faultRun(String kind, int count) throws Exception {
        psql("insert into quiz_attempt (id, tenant_id, person_id, version_id, locale, correct, questions, passed, answers)"
                + " select gen_random_uuid(), p.tenant_id, p.id, v.id, 'en', 1, 1, true, 'benchmark'"
                + " from person p join account a on a.id = p.account_id join charter_version v on v.tenant_id = p.tenant_id"
                + " and v.status = 'ROLLOUT' where a.username like 'small.s%' and a.username not like '%.0'"
                + " and not exists (select 1 from quiz_attempt q where q.person_id = p.id)"
                + " and not exists (select 1 from acknowledgement k where k.person_id = p.id and k.version_id = v.id)"
                + " order by a.username limit " + count);
        List<String> usernames = Arrays.stream(psql("select a.username from account a join person p on p.account_id = a.id"
                                + " join quiz_attempt q on q.person_id = p.id join charter_version v on v.id = q.version_id"
                                + " and v.status = 'ROLLOUT' where a.username like 'small.s%'"
                                + " and not exists (select 1 from acknowledgement k where k.person_id = p.id"
                                + " and k.version_id = v.id)"
                                + " order by a.username limit " + count)
                        .split("\n"))
                .filter(u -> !u.isBlank())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.Set<String> confirmed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong faultAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong firstAfter = new java.util.concurrent.atomic.AtomicLong();
        List<Future<?>> posts = new ArrayList<>();
        for (String username : usernames) {
            posts.add(pool.submit(() -> {
                long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                if (sent.incrementAndGet() == usernames.size() / 3) {
                    faultAt.set(System.nanoTime());
                    injectFault(kind);
                    firstAfter.set(untilReady());
                }
                while (System.nanoTime() < giveUp) {
                    try {
                        Session session = login(username);
                        String form = session.get("/app/training.xhtml");
                        session.follow = false;
                        String location = session.sign(form, "Person " + username);
                        if (location.startsWith("redirect:") && location.contains("&signed=true")) {
                            confirmed.add(username);
                            return null;
                        }
                    } catch (Exception e) {
                        // refused, reset or unavailable while the fault lasts: try again
                    }
                    retries.incrementAndGet();
                    Thread.sleep(500);
                }
                return null;
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        pool.shutdown();
        String inList = confirmed.stream().map(u -> "'" + u + "'").collect(Collectors.joining(","));
        int rows = confirmed.isEmpty() ? 0 : Integer.parseInt(psql("select count(*) from acknowledgement k"
                        + " join person p on p.id = k.person_id join account a on a.id = p.account_id"
                        + " join charter_version v on v.id = k.version_id and v.status = 'ROLLOUT'"
                        + " where a.username in (" + inList + ")")
                .strip());
        note(kind + ": signers / confirmed to clients / rows in the database / lost",
                usernames.size() + " / " + confirmed.size() + " / " + rows + " / " + (confirmed.size() - rows));
        note(kind + ": seconds from the fault until the server was ready again (failed tries, retried)",
                (firstAfter.get() == 0 ? "never" : seconds(firstAfter.get() - faultAt.get())) + " (" + retries.get()
                        + ")");
    }

    private static void injectFault(String kind) throws Exception {
        if (kind.equals("database")) {
            String version = Files.list(Path.of("/etc/postgresql")).map(p -> p.getFileName().toString())
                    .sorted().reduce((a, b) -> b).orElseThrow();
            run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "immediate");
            System.out.println("PostgreSQL " + version + " restarted with -m immediate");
        } else {
            String pid = new String(new ProcessBuilder("pgrep", "-f", "payara-micro.jar.*--port " + port())
                            .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+")[0];
            run("kill", "-9", pid);
            System.out.println("Server " + pid + " killed with -9; starting it again");
            new ProcessBuilder("./run.sh")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/faults-micro.log").toFile()))
                    .start();
        }
    }

    /** Polls readiness until it is UP; returns the moment it was. */
    private static long untilReady() throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                HttpResponse<String> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return 0;
    }

    private static String port() {
        return base.substring(base.lastIndexOf(':') + 1);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + "\n" + out);
        }
        return out;
    }

    /**
     * Headquarters' feedback overview of the demo franchise over HTTP: five requests to warm up, then 30 timed
     * (the whole page: sign-in session, one statement for the figures, the page rendered), and the statements
     * one request runs, read from the PostgreSQL log.
     */
    private static void overview() throws Exception {
        Session hq = login("hq", "charter-demo");
        long rows = Long.parseLong(psql("select count(*) from feedback").strip());
        for (int i = 0; i < 5; i++) {
            hq.get("/hq/feedback.xhtml");
        }
        List<Long> times = new ArrayList<>();
        String page = "";
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            page = hq.get("/hq/feedback.xhtml");
            times.add(System.nanoTime() - started);
        }
        if (!page.contains("id=\"kpis\"")) {
            throw new IllegalStateException("no overview:\n" + text(page));
        }
        Collections.sort(times);
        long statements = statements(() -> hq.get("/hq/feedback.xhtml"));
        String label = String.format(Locale.ROOT, "%,d", rows);
        note("Overview page with " + label + " pieces of feedback, p50", millis(times.get(times.size() / 2)));
        note("Overview page with " + label + " pieces of feedback, p95", millis(times.get((int) (times.size() * 0.95) - 1)));
        note("Overview page with " + label + " pieces of feedback, statements per request", Long.toString(statements));
    }

    // ---------------------------------------------------------------------------------------------------------

    private interface Call {
        Object run() throws Exception;
    }

    /** Statements the application role ran while {@code call} ran, read from the PostgreSQL log. */
    private static long statements(Call call) throws Exception {
        psql("alter system set log_statement = 'all'");
        psql("select pg_reload_conf()");
        Thread.sleep(500);
        long from = Files.size(serverLog);
        call.run();
        Thread.sleep(500);
        psql("alter system reset log_statement");
        psql("select pg_reload_conf()");
        String logged = logSince(from);
        return logged.lines()
                .filter(line -> line.contains("charter_app@" + database))
                .filter(line -> line.contains("LOG:  statement:") || line.contains("LOG:  execute"))
                .count();
    }

    /** What the PostgreSQL log got since {@code from} (a size of the log file taken before). */
    private static String logSince(long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(serverLog.toFile(), "r")) {
            file.seek(from);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void generate(String slug, int stores, int perStore, String hash) throws Exception {
        String sql = Files.readString(Path.of("benchmarks/rollout-data.sql"));
        Process psql = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", database,
                        "-v", "slug=" + slug, "-v", "stores=" + stores, "-v", "per_store=" + perStore, "-v",
                        "pwhash=" + hash)
                .redirectErrorStream(true)
                .start();
        psql.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        psql.getOutputStream().close();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException(out);
        }
    }

    private static String psql(String sql) throws Exception {
        Process psql = new ProcessBuilder("psql", "-qAt", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", sql)
                .redirectErrorStream(true)
                .start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException(sql + "\n" + out);
        }
        return out;
    }

    /**
     * The cluster of benchmarks/cluster.sh: instances 1 and 2 on 127.0.0.1:8181 and :8182, haproxy at {@code base},
     * the demo franchise in the scratch database.
     *
     * <ol>
     *   <li>A publication made on instance 1 shows on instance 2's public page, which had the old version cached:
     *       the time from the publication's answer until instance 2 shows the new version.
     *   <li>Scheduled work runs once across the instances: after the rollout's notices went out, every notice
     *       mailed is one mail in the sink, none twice.
     *   <li>A person signed in through haproxy keeps working when the instance serving them is killed with
     *       {@code kill -9}: the time until their next page is served, signed in, by the other instance.
     * </ol>
     */
    private static void cluster() throws Exception {
        String one = "http://127.0.0.1:8181";
        String two = "http://127.0.0.1:8182";
        String balancer = base;
        // 1. publication news
        base = one;
        Session hq = login("hq", "charter-demo");
        String start = hq.get("/hq/rollout.xhtml");
        hq.post("/hq/rollout.xhtml", start, "start",
                Map.of("start:deadline_input", LocalDate.now().plusDays(30).toString(), "start:startRollout", ""));
        // nobody left open, as if the rollout had run its course: everyone excused (an excuse does not block the
        // publication, and the database refuses a completion without its signature; signing is not measured here)
        psql("select set_config('app.tenant_id', (select id::text from franchise where slug = 'demo'), false);"
                // the roll-up trigger writes as the tables' owner, under row-level security: bind the tenant first
                + " update assignment set status = 'EXCUSED', excused_reason = 'cluster check', excused_by = 'hq',"
                + " excused_until = current_date + 1, due_date = current_date + 15 where status = 'ASSIGNED'"
                + " and version_id in (select id from charter_version where status = 'ROLLOUT')");
        base = two;
        Session reader = new Session(null);
        String before = reader.get("/c/demo?lang=en");
        if (!before.contains("Version 1,")) {
            throw new IllegalStateException("instance 2 does not show version 1 before the publication");
        }
        base = one;
        String board = hq.get("/hq/rollout.xhtml");
        hq.follow = false;
        hq.post("/hq/rollout.xhtml", board, "board",
                Map.of("board:effective_input", LocalDate.now().toString(), "board:publish", ""));
        long published = System.nanoTime();
        base = two;
        long shown = -1;
        for (int i = 0; i < 600 && shown < 0; i++) {
            if (reader.get("/c/demo?lang=en").contains("Version 2,")) {
                shown = System.nanoTime();
            } else {
                Thread.sleep(10);
            }
        }
        note("A publication on instance 1, until instance 2's public page (version 1 cached there) shows it",
                shown < 0 ? "not within 6 s" : millis(shown - published));

        // 2. scheduled work once: the rollout's notices are mailed by whichever instance claims them first
        String sent = "select count(*) from notice where mail_status = 'SENT'";
        long waited = System.nanoTime();
        while (true) {
            String due = psql("select count(*) from notice where mail_status = 'QUEUED'").strip();
            if (due.equals("0") || System.nanoTime() - waited > 180e9) {
                break;
            }
            Thread.sleep(2_000);
        }
        int notices = Integer.parseInt(psql(sent).strip());
        int mails = 0;
        for (String address : sinkAddresses()) {
            mails += count(sink("/api/user/" + address + "/messages/INBOX"), "\"subject\"");
        }
        note("Scheduled work on two instances: notices mailed / mails in the sink", notices + " / " + mails);

        // 3. fail-over: the serving instance is killed, the person carries on through haproxy
        base = balancer;
        Session employee = login("employee", "charter-demo");
        employee.get("/app/index.xhtml");
        String node = employee.servedBy;
        if (!"charter-1".equals(node) && !"charter-2".equals(node)) {
            throw new IllegalStateException("no instance named in X-Served-By: " + node + ", cookies " + employee.cookies);
        }
        // a page rendered by the instance about to die, whose form is sent after it died: its state travels in
        // the page, encrypted with a key kept in the session, so the surviving instance must read it
        String rendered = employee.get("/app/training.xhtml");
        Matcher german = Pattern.compile("id=\"(language:[^\"]+)\"[^>]*lang=\"de\"").matcher(rendered);
        if (!german.find()) {
            throw new IllegalStateException("no German language link on the training page");
        }
        String port = "charter-1".equals(node) ? "8181" : "8182";
        String pid = run("pgrep", "-f", "payara-micro.jar.*--port " + port).strip().split("\\s+")[0];
        run("kill", "-9", pid);
        long killed = System.nanoTime();
        String page = "";
        for (int i = 0; i < 300; i++) {
            try {
                page = employee.get("/app/training.xhtml");
                if (page.contains("session:signOut")) {
                    break;
                }
            } catch (IOException e) {
                // the balancer has not noticed yet
            }
            Thread.sleep(100);
        }
        note("Killed the instance serving a signed-in person (" + node + ", kill -9): their next page, signed in",
                page.contains("session:signOut") && page.contains("v2")
                        ? "served by " + employee.servedBy + " after " + millis(System.nanoTime() - killed)
                        : "NOT served signed in");
        String switched = employee.post(
                "/app/training.xhtml", rendered, "language", Map.of(german.group(1), german.group(1)));
        note("The form of a page the killed instance rendered, sent afterwards (the language switch)",
                switched.contains("lang=\"de\"") && switched.contains("session:signOut")
                        ? "accepted by " + employee.servedBy + ": the page came back in German"
                        : "REFUSED: " + text(switched).substring(0, Math.min(200, text(switched).length())));
    }

    private static List<String> sinkAddresses() throws Exception {
        Matcher user = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"").matcher(sink("/api/user"));
        List<String> addresses = new ArrayList<>();
        while (user.find()) {
            addresses.add(user.group(1));
        }
        return addresses;
    }

    private static String sink(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8025" + path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int count(String text, String what) {
        return text.split(what, -1).length - 1;
    }

    /**
     * The server's used heap in bytes right after a full collection (what is live), read with the JDK's own
     * {@code jcmd}; the server is the Payara Micro process listening on the base URL's port.
     */
    private static long heapAfterCollection() throws Exception {
        String pid = run("pgrep", "-f", "payara-micro.jar.*--port " + port()).strip().split("\\s+")[0];
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The application's hash format with few iterations, so signing in thousands of people takes seconds. */
    private static String cheapHash(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        int iterations = 1000;
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512))
                .getEncoded();
        return "PBKDF2WithHmacSHA512:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    private static Session login(String username) throws Exception {
        return login(username, PASSWORD);
    }

    private static Session login(String username, String password) throws Exception {
        Session session = new Session(null);
        String page = session.get("/login.xhtml");
        session.post("/login.xhtml", page, "login",
                Map.of("login:username", username, "login:password", password, "login:signIn", ""));
        if (!session.get("/app/index.xhtml").contains("session:signOut")) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return session;
    }

    /** One browser: a session cookie, pages fetched and forms posted back with their view state. */
    private static final class Session {
        String cookie;
        boolean follow = true;
        /** Which instance answered last, as haproxy names it in its X-Served-By header (cluster/run.sh). */
        String servedBy;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        /** A browser that already holds these cookies ("a=1; b=2"), or none. */
        Session(String cookie) {
            if (cookie != null) {
                for (String pair : cookie.split("; ")) {
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            this.cookie = cookie;
        }

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        String post(String path, String page, String form, Map<String, String> fields)
                throws IOException, InterruptedException {
            Matcher state = VIEW_STATE.matcher(page);
            if (!state.find()) {
                throw new IllegalStateException("no view state on " + path);
            }
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put(form, form);
            all.put("jakarta.faces.ViewState", state.group(1));
            // PrimeFaces' CSP mode: a postback carries the nonce the page's scripts were given
            Matcher nonce = NONCE.matcher(page);
            if (nonce.find()) {
                all.put("primefaces.nonce", nonce.group(1));
            }
            String body = all.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /**
         * The training page's sign form, as the browser sends it: the hidden fields the page wrote (version,
         * language, the hash of the text shown, the session's form token) and the typed name, to /app/sign.
         */
        String sign(String page, String typedName) throws IOException, InterruptedException {
            return postSign(signBody(page, typedName));
        }

        String postSign(String body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + "/app/sign"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** The body of the training page's sign form: its hidden fields and the typed name. */
        static String signBody(String page, String typedName) {
            Matcher form = SIGN_FORM.matcher(page);
            if (!form.find()) {
                throw new IllegalStateException("no sign form on the training page");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.group(1));
            while (hidden.find()) {
                fields.put(hidden.group(1), hidden.group(2));
            }
            fields.put("typedName", typedName);
            return fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            // the session cookie and the version cookie of the replicated session go back together
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.contains(";") ? set.substring(0, set.indexOf(';')) : set;
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            cookie = cookies.isEmpty()
                    ? null
                    : cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; "));
            servedBy = response.headers().firstValue("X-Served-By").orElse(servedBy);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 == 3 && location != null && !follow) {
                return "redirect:" + location;
            }
            if (response.statusCode() / 100 == 3 && location != null) {
                String target = location.startsWith("http") ? location : base + location;
                return send(HttpRequest.newBuilder(URI.create(target)).GET());
            }
            return response.body();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    private static void note(String what, String figure) {
        RESULTS.put(what, figure);
        System.out.println(what + ": " + figure);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
