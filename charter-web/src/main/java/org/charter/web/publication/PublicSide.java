package org.charter.web.publication;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.charter.model.franchise.Language;
import org.charter.service.publication.PublicCharter;
import org.charter.service.publication.PublicTimeline;
import org.charter.service.publication.PublishedCharterService;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Everything the public side keeps between requests, in this instance only (each instance of a cluster keeps
 * its own; a publication makes every instance forget the franchise's timeline and pages at once, through {@link
 * PublicationNews}):
 *
 * <ul>
 *   <li>each franchise's languages and the days its versions came into force, for {@link #FRESH_FOR_NANOS};
 *   <li>each rendered page, keyed by franchise, store, language and the effective date of the version shown —
 *       never the raw {@code ?on=} day, so a thousand days of one version are one entry — for {@link
 *       #FRESH_FOR_NANOS}, so a store's new address shows within that time (a publication at once);
 *   <li>each printed PDF and poster, keyed by kind, version, store, language and the SHA-256 of everything the
 *       page shows (the store's address and channels included): a version never changes once in force, so a
 *       print is rendered once, and a store edit makes a new key while the old print ages out;
 *   <li>one token bucket per client address (IPv6: per /64) for the PDF and the poster, dropped after a minute
 *       idle, when it would be full again anyway.
 * </ul>
 *
 * Every map is bounded by entries and approximate bytes and evicts the least recently used entry first.
 */
@ApplicationScoped
public class PublicSide {

    /** How long a franchise's timeline and a rendered page are kept before they are read again. */
    static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(30);

    static final String BASE_URL_KEY = "charter.public.base-url";
    static final String PRINTS_PER_MINUTE_KEY = "charter.public.prints-per-minute";
    static final String DEFAULT_BASE_URL = "http://localhost:8080";
    static final int DEFAULT_PRINTS_PER_MINUTE = 20;

    static final int MAX_FRANCHISES = 1_000;
    static final int MAX_PAGES = 2_000;
    static final long MAX_PAGE_BYTES = 32L << 20;
    static final int MAX_PRINTS = 500;
    static final long MAX_PRINT_BYTES = 64L << 20;
    static final int MAX_ADDRESSES = 10_000;

    /** A page as served, with what it was made of (the printed forms are made from the same reading). */
    record Reading(PublicCharter charter, String html, String fingerprint) {
        String etag() {
            return "W/\"" + fingerprint.substring(0, 32) + "\"";
        }

        long weight() {
            // the text twice (the page and the record it was made of), two bytes a character
            return 4L * html.length() + 1_024;
        }
    }

    record Printed(byte[] pdf, String fileName) {}

    /** A print and whether it came from the cache. */
    record Print(Printed printed, boolean cached) {}

    @Inject
    PublishedCharterService published;

    private String baseUrl;
    private int printsPerMinute;
    private final AtomicLong renders = new AtomicLong();

    private final BoundedCache<String, PublicTimeline> timelines = new BoundedCache<>(
            MAX_FRANCHISES, Long.MAX_VALUE, t -> 1, FRESH_FOR_NANOS, BoundedCache.Expiry.AFTER_WRITE);
    private final BoundedCache<String, Reading> pages = new BoundedCache<>(
            MAX_PAGES, MAX_PAGE_BYTES, Reading::weight, FRESH_FOR_NANOS, BoundedCache.Expiry.AFTER_WRITE);
    private final BoundedCache<String, Printed> prints = new BoundedCache<>(
            MAX_PRINTS,
            MAX_PRINT_BYTES,
            p -> p.pdf().length,
            TimeUnit.DAYS.toNanos(1),
            BoundedCache.Expiry.AFTER_ACCESS);
    private final BoundedCache<String, Bucket> buckets = new BoundedCache<>(
            MAX_ADDRESSES, Long.MAX_VALUE, b -> 1, TimeUnit.MINUTES.toNanos(1), BoundedCache.Expiry.AFTER_ACCESS);

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        configure(
                config.getOptionalValue(BASE_URL_KEY, String.class).orElse(DEFAULT_BASE_URL),
                config.getOptionalValue(PRINTS_PER_MINUTE_KEY, Integer.class).orElse(DEFAULT_PRINTS_PER_MINUTE));
    }

    void configure(String configuredBaseUrl, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(PRINTS_PER_MINUTE_KEY + " must be at least 1, not " + perMinute);
        }
        this.baseUrl = baseUrl(configuredBaseUrl);
        this.printsPerMinute = perMinute;
    }

    /** The configured address as links need it: absolute http(s), no trailing slash, no query. */
    static String baseUrl(String configured) {
        String value = configured == null ? "" : configured.strip();
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    BASE_URL_KEY + " must be an absolute http or https address such as https://charter.example.com,"
                            + " not \"" + value + "\"");
        }
        return value.replaceAll("/+$", "");
    }

    /** The public address of the application, e.g. {@code https://charter.example.com}, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Forgets what this instance keeps of a franchise's timeline and pages, so its next request reads them anew
     * (a version was published: {@link PublicationNews}). Prints stay: their key is their content.
     */
    void forget(String slug) {
        timelines.removeIf(slug::equals);
        pages.removeIf(key -> key.startsWith(slug + '|'));
    }

    /**
     * The page for {@code asked}: from the cache, else read and rendered once (concurrent misses share one
     * read). Empty when the franchise or store does not exist.
     */
    Optional<Reading> read(PublicRequest asked, String contextPath) {
        PublicTimeline timeline =
                timelines.get(asked.slug(), slug -> published.timeline(slug).orElse(null));
        if (timeline == null) {
            return Optional.empty();
        }
        Language language = timeline.language(asked.languages());
        Optional<LocalDate> inForce = timeline.clamp(asked.on());
        String key = asked.slug()
                + '|'
                + asked.storeCode()
                + '|'
                + language.tag()
                + '|'
                + inForce.map(LocalDate::toString).orElse("none");
        return Optional.ofNullable(pages.get(
                key,
                k -> published
                        .read(asked.slug(), asked.store(), inForce.orElse(LocalDate.MIN), List.of(language))
                        .map(charter -> new Reading(
                                charter,
                                new PublicCharterPage(charter, contextPath, false).render(),
                                charter.fingerprint()))
                        .orElse(null)));
    }

    /** The PDF of the page, or the store's poster: rendered once per version, store, language and content. */
    Print print(Reading reading, boolean poster) {
        PublicCharter charter = reading.charter();
        String key = (poster ? "poster|" : "pdf|")
                + charter.slug()
                + '|'
                + charter.version().number()
                + '|'
                + (charter.store() == null ? "" : charter.store().code())
                + '|'
                + charter.language().tag()
                + '|'
                + reading.fingerprint();
        Printed kept = prints.get(key);
        if (kept != null) {
            return new Print(kept, true);
        }
        return new Print(prints.get(key, k -> render(charter, poster)), false);
    }

    private Printed render(PublicCharter charter, boolean poster) {
        renders.incrementAndGet();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            if (poster) {
                PrintedCharter.poster(charter, storeUrl(charter), pdf);
                return new Printed(
                        pdf.toByteArray(),
                        "poster-" + charter.slug() + "-" + charter.store().code() + ".pdf");
            }
            PrintedCharter.charter(charter, baseUrl, pdf);
            return new Printed(
                    pdf.toByteArray(),
                    "charter-" + charter.slug() + "-v" + charter.version().number() + "-"
                            + charter.language().tag() + ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's public page at the configured address: what the poster's QR code opens. */
    String storeUrl(PublicCharter charter) {
        return baseUrl + "/c/" + charter.slug() + "/" + charter.store().code();
    }

    /**
     * Takes one print from the bucket of {@code remoteAddress}; empty when allowed, else the seconds to wait
     * (at least 1).
     */
    OptionalLong printRefused(String remoteAddress) {
        Bucket bucket = buckets.get(
                addressKey(remoteAddress),
                k -> Bucket.builder()
                        .addLimit(limit ->
                                limit.capacity(printsPerMinute).refillGreedy(printsPerMinute, Duration.ofMinutes(1)))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber usually holds whole. */
    public static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            StringBuilder network = new StringBuilder(20);
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** How many prints one address may ask for in a minute. */
    public int printsPerMinute() {
        return printsPerMinute;
    }

    /** How many pages are kept now. */
    public int pageCount() {
        return pages.size();
    }

    /** The most pages ever kept. */
    public int pageBound() {
        return pages.maxEntries();
    }

    /** How many PDFs and posters this instance has rendered since it started. */
    public long renders() {
        return renders.get();
    }

    /** How many client addresses hold a bucket now. */
    public int addressCount() {
        return buckets.size();
    }
}
