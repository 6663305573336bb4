package org.charter.service.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.charter.model.charter.CanonicalText;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.Hashes;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.VersionRendering;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackKind;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.model.people.Account;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.people.StoreMembership;
import org.charter.model.store.ChannelKind;
import org.charter.model.store.Region;
import org.charter.model.store.Store;
import org.charter.model.training.Quiz;
import org.charter.model.training.QuizQuestion;
import org.charter.service.audit.AuditTrail;
import org.charter.service.charter.RichText;
import org.charter.service.database.DatabaseClock;
import org.charter.service.security.PasswordHasher;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A demo franchise a newcomer can sign in to, loaded once when {@code charter.demo.enabled} is true: two
 * regions, six stores in four countries, a manager per store and six staff each, with names and languages
 * across en, de, el, lv and ms. Every demo account has the password {@code charter.demo.password}.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class DemoData {

    public static final String SLUG = "demo";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private record Staff(String fullName, String username, Language language) {}

    private record Site(
            String code,
            String name,
            String region,
            String street,
            String postalCode,
            String city,
            String country,
            String zone,
            String phone,
            Staff manager,
            List<Staff> staff) {}

    private static final List<Site> SITES = List.of(
            new Site(
                    "BER-01",
                    "Berlin Mitte",
                    "North",
                    "Friedrichstraße 120",
                    "10117",
                    "Berlin",
                    "DE",
                    "Europe/Berlin",
                    "+49 30 5550 1200",
                    new Staff("Katharina Vogel", "manager.ber", Language.DE),
                    List.of(
                            new Staff("Lukas Müller", "lukas.mueller", Language.DE),
                            new Staff("Sophie Wagner", "sophie.wagner", Language.DE),
                            new Staff("Jonas Becker", "jonas.becker", Language.DE),
                            new Staff("Oliver Smith", "oliver.smith", Language.EN),
                            new Staff("Lea Hoffmann", "lea.hoffmann", Language.DE),
                            new Staff("Ayşe Demir", "ayse.demir", Language.DE))),
            new Site(
                    "HAM-01",
                    "Hamburg Altona",
                    "North",
                    "Große Bergstraße 160",
                    "22767",
                    "Hamburg",
                    "DE",
                    "Europe/Berlin",
                    "+49 40 5550 1600",
                    new Staff("Felix Schäfer", "manager.ham", Language.DE),
                    List.of(
                            new Staff("Marie Koch", "marie.koch", Language.DE),
                            new Staff("Paul Richter", "paul.richter", Language.DE),
                            new Staff("Emma Klein", "emma.klein", Language.DE),
                            new Staff("Grace Taylor", "grace.taylor", Language.EN),
                            new Staff("Leon Wolf", "leon.wolf", Language.DE),
                            new Staff("Mia Neumann", "mia.neumann", Language.DE))),
            new Site(
                    "RIX-01",
                    "Rīga Centrs",
                    "North",
                    "Brīvības iela 40",
                    "LV-1050",
                    "Rīga",
                    "LV",
                    "Europe/Riga",
                    "+371 6555 0400",
                    new Staff("Līga Ozola", "manager", Language.LV),
                    List.of(
                            new Staff("Jānis Bērziņš", "employee", Language.LV),
                            new Staff("Anna Kalniņa", "anna.kalnina", Language.LV),
                            new Staff("Mārtiņš Liepa", "martins.liepa", Language.LV),
                            new Staff("Ilze Krūmiņa", "ilze.krumina", Language.LV),
                            new Staff("Andris Zariņš", "andris.zarins", Language.LV),
                            new Staff("Daniel Brown", "daniel.brown", Language.EN))),
            new Site(
                    "ATH-01",
                    "Αθήνα Σύνταγμα",
                    "South",
                    "Ερμού 25",
                    "105 63",
                    "Αθήνα",
                    "GR",
                    "Europe/Athens",
                    "+30 210 555 0250",
                    new Staff("Μαρία Παπαδοπούλου", "manager.ath", Language.EL),
                    List.of(
                            new Staff("Γιώργος Νικολάου", "giorgos.nikolaou", Language.EL),
                            new Staff("Ελένη Γεωργίου", "eleni.georgiou", Language.EL),
                            new Staff("Δημήτρης Κωνσταντίνου", "dimitris.konstantinou", Language.EL),
                            new Staff("Κατερίνα Ιωάννου", "katerina.ioannou", Language.EL),
                            new Staff("Νίκος Αλεξίου", "nikos.alexiou", Language.EL),
                            new Staff("Chloe Evans", "chloe.evans", Language.EN))),
            new Site(
                    "SKG-01",
                    "Θεσσαλονίκη Λιμάνι",
                    "South",
                    "Λεωφόρος Νίκης 12",
                    "546 24",
                    "Θεσσαλονίκη",
                    "GR",
                    "Europe/Athens",
                    "+30 2310 555 120",
                    new Staff("Κώστας Βασιλείου", "manager.skg", Language.EL),
                    List.of(
                            new Staff("Σοφία Μιχαηλίδου", "sofia.michailidou", Language.EL),
                            new Staff("Άννα Δημητρίου", "anna.dimitriou", Language.EL),
                            new Staff("Παναγιώτης Σταύρου", "panagiotis.stavrou", Language.EL),
                            new Staff("Χριστίνα Αντωνίου", "christina.antoniou", Language.EL),
                            new Staff("Γιάννης Πέτρου", "giannis.petrou", Language.EL),
                            new Staff("Thomas Wright", "thomas.wright", Language.EN))),
            new Site(
                    "KUL-01",
                    "Kuala Lumpur Bukit Bintang",
                    "South",
                    "Jalan Bukit Bintang 55",
                    "55100",
                    "Kuala Lumpur",
                    "MY",
                    "Asia/Kuala_Lumpur",
                    "+60 3 5550 5500",
                    new Staff("Nur Aisyah binti Ahmad", "manager.kul", Language.MS),
                    List.of(
                            new Staff("Muhammad Hafiz bin Ismail", "hafiz.ismail", Language.MS),
                            new Staff("Siti Nurhaliza binti Omar", "siti.omar", Language.MS),
                            new Staff("Ahmad Faizal bin Rahman", "faizal.rahman", Language.MS),
                            new Staff("Farah Nabilah binti Yusof", "farah.yusof", Language.MS),
                            new Staff("Amirul Hakim bin Zainal", "amirul.zainal", Language.MS),
                            new Staff("Priya Raman", "priya.raman", Language.EN))));

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    DatabaseClock clock;

    @Inject
    org.charter.service.feedback.Promises promises;

    @jakarta.annotation.Resource(lookup = "jdbc/charter")
    javax.sql.DataSource dataSource;

    @Inject
    @ConfigProperty(name = "charter.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "charter.demo.password", defaultValue = "charter-demo")
    String password;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        Optional<String> existing = existingDemoFranchise();
        if (existing.isPresent()) {
            // loaded by an earlier version of this loader: add what it did not have yet
            tenantSession.enter(existing.get());
            long versions = em.createQuery("select count(v) from CharterVersion v", Long.class)
                    .getSingleResult();
            if (versions == 0) {
                publishCharter();
                LOG.info("Demo charter added to the demo franchise");
            }
            if (versions <= 1) {
                prepareNextVersion();
                LOG.info("Demo charter version 2, frozen with its quiz, added to the demo franchise");
            }
            return;
        }
        Franchise franchise =
                new Franchise("Demo Coffee Company", SLUG, Language.EN, EnumSet.allOf(Language.class), "Europe/Berlin");
        tenantSession.enter(franchise.getId());
        // One hash for every demo account: they all share the documented demo password anyway.
        String hash = hasher.hash(password);
        if (em.createQuery("select a.id from Account a where a.username = 'platform'", String.class)
                .getResultList()
                .isEmpty()) {
            Account platform = new Account(null, "platform", Set.of(Role.PLATFORM_ADMIN));
            platform.choosePassword(hash);
            em.persist(platform);
        }
        em.persist(franchise);
        em.flush();
        person(franchise, new Staff("Hannah Quinn", "hq", Language.EN), EnumSet.of(Role.HQ_ADMIN), hash, null);

        Region north = new Region("North");
        Region south = new Region("South");
        em.persist(north);
        em.persist(south);
        int people = 1;
        LocalDate hired = LocalDate.of(2021, 3, 1);
        for (Site site : SITES) {
            Store store = new Store(site.code(), site.name(), site.zone());
            store.placeInRegion("North".equals(site.region()) ? north : south);
            store.relocate(site.street(), site.postalCode(), site.city(), site.country());
            store.addChannel(ChannelKind.IN_PERSON, null, "Mo-Sa 08:00-20:00; Su 10:00-18:00");
            store.addChannel(ChannelKind.PHONE, site.phone(), "Mo-Fr 09:00-18:00");
            store.addChannel(ChannelKind.EMAIL, site.code().toLowerCase() + "@demo-coffee.example", "24/7");
            em.persist(store);
            Person manager =
                    person(franchise, site.manager(), EnumSet.of(Role.STORE_MANAGER, Role.EMPLOYEE), hash, hired);
            em.persist(new StoreMembership(manager, store, MembershipRole.MANAGER));
            people++;
            for (Staff staff : site.staff()) {
                hired = hired.plusDays(37);
                Person employee = person(franchise, staff, EnumSet.of(Role.EMPLOYEE), hash, hired);
                employee.describe(staff.fullName(), site.code() + "-" + (100 + people), hired, staff.language(), null);
                em.persist(new StoreMembership(employee, store, MembershipRole.STAFF));
                people++;
            }
        }
        publishCharter();
        prepareNextVersion();
        em.flush();
        demoFeedback();
        audit.record("demo.loaded", "franchise", franchise.getId(), people + " people in " + SITES.size() + " stores");
        int loaded = people;
        LOG.info(() -> "Demo franchise loaded: " + loaded + " people in " + SITES.size() + " stores");
    }

    private static final List<String> DEMO_MESSAGES = List.of(
            "The barista remembered my order and had it ready before I reached the counter. Thank you!",
            "I waited more than ten minutes at the counter while two staff members talked to each other.",
            "Could you offer oat milk at the same price as regular milk?",
            "My e-mail about a wrong charge on my card was never answered.",
            "The staff were friendly and explained the seasonal menu very well.",
            "The store opened twenty minutes late this morning and nobody said why.",
            "Please add more seats for people working on laptops.",
            "My cake was stale and the replacement took a long time.");

    /**
     * Half a year of customer feedback at every store, some of it handled in time and some late, so headquarters'
     * overview and the managers' case lists have something to show. Deterministic: the same every time.
     */
    private void demoFeedback() {
        java.util.Random random = new java.util.Random(7);
        java.time.OffsetDateTime now = clock.now();
        List<Store> stores = em.createQuery("select s from Store s order by s.code", Store.class)
                .getResultList();
        FeedbackKind[] kinds = FeedbackKind.values();
        for (int i = 0; i < 60; i++) {
            Store store = stores.get(i % stores.size());
            FeedbackKind kind = kinds[random.nextInt(kinds.length)];
            ChannelKind channel = COMPLAINT_CHANNELS.get(random.nextInt(3));
            java.time.OffsetDateTime received = now.minusHours(6 + random.nextInt(180 * 24));
            boolean withMail = random.nextBoolean();
            Feedback feedback = new Feedback(
                    store.getId(),
                    "DEMO-" + (1000 + i),
                    Hashes.sha256("demo-secret-" + i),
                    new Feedback.Told(
                            kind,
                            channel,
                            null,
                            1 + random.nextInt(5),
                            DEMO_MESSAGES.get(random.nextInt(DEMO_MESSAGES.size())),
                            null,
                            withMail ? "Demo Customer " + i : null,
                            withMail ? "customer" + i + "@demo-customers.example" : null,
                            null,
                            withMail,
                            Language.values()[random.nextInt(Language.values().length)].tag()),
                    received,
                    store.getTimeZone());
            promises.measure(feedback);
            // older cases were handled, some of them late; the newest few wait for the store
            if (received.isBefore(now.minusDays(3))) {
                java.time.OffsetDateTime acknowledged = received.plusHours(2 + random.nextInt(40));
                feedback.acknowledge(acknowledged);
                feedback.resolve(acknowledged.plusHours(2 + random.nextInt(100)));
                if (random.nextInt(3) > 0) {
                    feedback.close(received.plusDays(8));
                }
            }
            em.persist(feedback);
        }
        em.flush();
    }

    private record DemoStandard(ChannelKind channel, int value, TargetUnit unit) {}

    private static final List<SectionKind> SECTIONS = List.of(
            SectionKind.OVERVIEW,
            SectionKind.SERVICE_STANDARDS,
            SectionKind.CUSTOMER_RIGHTS,
            SectionKind.CONDUCT_RULES,
            SectionKind.COMPLAINTS,
            SectionKind.RETURNS,
            SectionKind.PRIVACY);

    private static final List<ChannelKind> COMPLAINT_CHANNELS =
            List.of(ChannelKind.IN_PERSON, ChannelKind.PHONE, ChannelKind.EMAIL, ChannelKind.SOCIAL);

    private static final List<String> COMPLAINT_PROMISES =
            List.of("complaint.response.promise", "complaint.resolution.promise");

    private static final List<DemoStandard> STANDARDS = List.of(
            new DemoStandard(ChannelKind.IN_PERSON, 30, TargetUnit.SECONDS),
            new DemoStandard(ChannelKind.EMAIL, 24, TargetUnit.HOURS),
            new DemoStandard(ChannelKind.PHONE, 60, TargetUnit.SECONDS),
            new DemoStandard(ChannelKind.SOCIAL, 2, TargetUnit.DAYS));

    /**
     * Version 1 of the demo charter, in all five languages, in force since 15 January 2026 — as if its rollout
     * had finished then, so a newcomer finds a public page to read (/c/demo).
     */
    private void publishCharter() {
        CharterVersion version = writeFrozenVersion(1, demoTexts(), false);
        version.startRollout();
        em.flush();
        version.publish(LocalDate.of(2026, 1, 15), clock.now());
        em.flush();
    }

    /**
     * Version 2, frozen with its quiz in all five languages: a newcomer signed in as HQ can start its rollout at
     * once and follow it through the stores.
     */
    private void prepareNextVersion() {
        Map<Language, Properties> texts = demoTexts();
        CharterVersion version = writeFrozenVersion(2, texts, true);
        Quiz quiz = new Quiz(version);
        for (Language language : Language.values()) {
            Properties t = texts.get(language);
            quiz.add(
                    language,
                    t.getProperty("quiz.1.prompt"),
                    false,
                    List.of(
                            new QuizQuestion.Choice(t.getProperty("quiz.1.right"), true),
                            new QuizQuestion.Choice(t.getProperty("quiz.1.wrong.1"), false),
                            new QuizQuestion.Choice(t.getProperty("quiz.1.wrong.2"), false)));
            quiz.add(
                    language,
                    t.getProperty("quiz.2.prompt"),
                    true,
                    List.of(
                            new QuizQuestion.Choice(t.getProperty("quiz.2.right.1"), true),
                            new QuizQuestion.Choice(t.getProperty("quiz.2.wrong"), false),
                            new QuizQuestion.Choice(t.getProperty("quiz.2.right.2"), true)));
        }
        em.persist(quiz);
        em.flush();
    }

    private static Map<Language, Properties> demoTexts() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (var in = DemoData.class.getResourceAsStream("/demo/charter_" + language.tag() + ".properties")) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("demo charter text missing for " + language, e);
            }
            texts.put(language, properties);
        }
        return texts;
    }

    /** A version of the demo charter written in every language and frozen; the second one adds a sentence. */
    private CharterVersion writeFrozenVersion(int number, Map<Language, Properties> texts, boolean second) {
        CharterVersion version = new CharterVersion(number, Language.EN, clock.now());
        for (SectionKind kind : SECTIONS) {
            CharterSection section = version.addSection(kind, kind.defaultVisibility());
            section.write(Language.EN, title(texts, Language.EN, kind), body(texts, Language.EN, kind, second), null);
            if (kind == SectionKind.SERVICE_STANDARDS) {
                for (int i = 0; i < STANDARDS.size(); i++) {
                    DemoStandard demo = STANDARDS.get(i);
                    section.addStandard(demo.channel(), demo.value(), demo.unit())
                            .promise(
                                    Language.EN,
                                    texts.get(Language.EN).getProperty("standard." + (i + 1) + ".promise"),
                                    null);
                }
            }
            if (kind == SectionKind.COMPLAINTS) {
                // what complaints are measured against: per channel, the first response, then the resolution
                for (ChannelKind channel : COMPLAINT_CHANNELS) {
                    section.addStandard(channel, 24, TargetUnit.HOURS)
                            .promise(Language.EN, texts.get(Language.EN).getProperty(COMPLAINT_PROMISES.get(0)), null);
                    section.addStandard(channel, 3, TargetUnit.DAYS)
                            .promise(Language.EN, texts.get(Language.EN).getProperty(COMPLAINT_PROMISES.get(1)), null);
                }
            }
        }
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            for (CharterSection section : version.getSections()) {
                section.write(
                        language,
                        title(texts, language, section.getKind()),
                        body(texts, language, section.getKind(), second),
                        section.sourceHash().orElseThrow());
                for (int i = 0; i < section.getStandards().size(); i++) {
                    ServiceStandard standard = section.getStandards().get(i);
                    String key = section.getKind() == SectionKind.COMPLAINTS
                            ? COMPLAINT_PROMISES.get(i % 2)
                            : "standard." + (i + 1) + ".promise";
                    standard.promise(
                            language,
                            texts.get(language).getProperty(key),
                            standard.sourceHash().orElseThrow());
                }
            }
        }
        version.describeChange(texts.get(Language.EN).getProperty(second ? "v2.summary" : "summary"));
        em.persist(version);
        em.flush();
        for (Language language : Language.values()) {
            em.persist(new VersionRendering(version, language, CanonicalText.of(version, language)));
        }
        version.freeze(clock.now());
        em.flush();
        return version;
    }

    private static String title(Map<Language, Properties> texts, Language language, SectionKind kind) {
        return texts.get(language).getProperty(kind + ".title");
    }

    private static String body(Map<Language, Properties> texts, Language language, SectionKind kind, boolean second) {
        String body = texts.get(language).getProperty(kind + ".body");
        if (second && kind == SectionKind.COMPLAINTS) {
            body = body + "<p>" + texts.get(language).getProperty("v2.addition") + "</p>";
        }
        return RichText.sanitise(body);
    }

    /** Read with plain JDBC, so the transaction's entity manager is bound to the tenant before its first use. */
    private Optional<String> existingDemoFranchise() {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement statement =
                        connection.prepareStatement("select id from franchise where slug = ?")) {
            statement.setString(1, SLUG);
            try (java.sql.ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not look for the demo franchise", e);
        }
    }

    private Person person(Franchise franchise, Staff staff, Set<Role> roles, String hash, LocalDate hired) {
        Account account = new Account(franchise.getId(), staff.username(), roles);
        account.choosePassword(hash);
        Person person = new Person(account, staff.fullName(), staff.language());
        // an address in the reserved .example domain: the run command's mail sink shows what would go out
        person.describe(staff.fullName(), null, hired, staff.language(), staff.username() + "@demo-coffee.example");
        em.persist(account);
        em.persist(person);
        return person;
    }
}
