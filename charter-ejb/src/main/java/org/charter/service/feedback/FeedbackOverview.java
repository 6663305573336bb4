package org.charter.service.feedback;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.database.Rows;
import org.charter.service.notice.ReminderPlanner;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * Headquarters' view of what customers said, across stores and regions, since a day: volume by kind and by the
 * section it concerns, first-response and resolution times against the charter's promises, the share of
 * deadlines met, how often a customer who left an address got a reply and how they rated it, month by month.
 * Read from the sums per store and month ({@link FeedbackStats}; a group written to since the engine's last round
 * is summed from its feedback instead) and the open complaints past their deadline, in one statement (grouping sets), however many stores, months and pieces of feedback: the
 * statement count per request is constant. Also the customer's right to be forgotten, and how long contact data is kept.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class FeedbackOverview {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ReminderPlanner planner;

    /** Counts and times of one group (a store, a region, a month, or all); sums, so groups add up exactly. */
    public record Figures(
            long total,
            long compliments,
            long suggestions,
            long complaints,
            long responseMeasured,
            long responseMet,
            long resolutionMeasured,
            long resolutionMet,
            long responded,
            double responseHoursSum,
            long resolved,
            double resolutionHoursSum,
            long reachable,
            long replied,
            long rated,
            long ratingSum) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Share of measured deadlines (response and resolution) met, 0–100; null when none was measured. */
        public Integer metPercent() {
            long measured = responseMeasured + resolutionMeasured;
            return measured == 0 ? null : (int) Math.round(100.0 * (responseMet + resolutionMet) / measured);
        }

        /** Share of customers who left an address and got a reply, 0–100; null when none left one. */
        public Integer replyPercent() {
            return reachable == 0 ? null : (int) Math.round(100.0 * replied / reachable);
        }

        /** Mean hours from receipt to first response of complaints; null when none was answered. */
        public Double responseHours() {
            return responded == 0 ? null : responseHoursSum / responded;
        }

        public Double resolutionHours() {
            return resolved == 0 ? null : resolutionHoursSum / resolved;
        }

        /** Customers' mean rating of replies (1–5); null when none rated. */
        public Double rating() {
            return rated == 0 ? null : (double) ratingSum / rated;
        }

        Figures plus(Figures o) {
            return new Figures(
                    total + o.total,
                    compliments + o.compliments,
                    suggestions + o.suggestions,
                    complaints + o.complaints,
                    responseMeasured + o.responseMeasured,
                    responseMet + o.responseMet,
                    resolutionMeasured + o.resolutionMeasured,
                    resolutionMet + o.resolutionMet,
                    responded + o.responded,
                    responseHoursSum + o.responseHoursSum,
                    resolved + o.resolved,
                    resolutionHoursSum + o.resolutionHoursSum,
                    reachable + o.reachable,
                    replied + o.replied,
                    rated + o.rated,
                    ratingSum + o.ratingSum);
        }
    }

    public record StoreFigures(String storeId, String code, String name, String region, Figures figures) {}

    public record SectionCount(String sectionId, String title, long compliments, long suggestions, long complaints) {}

    public record Month(LocalDate month, Figures figures) {}

    public record Overview(
            LocalDate since,
            Figures all,
            Map<String, Figures> regions,
            List<StoreFigures> stores,
            List<SectionCount> sections,
            List<Month> months) {}

    /** A customer's case found by their address, for their request to be forgotten. */
    public record Found(String id, String reference, String storeName, OffsetDateTime receivedAt, String status) {}

    /** The figures of a group, from the sums of its store-months and the open complaints past their deadline. */
    private static final String FIGURES = "sum(total), sum(total) filter (where kind = 'COMPLIMENT'),"
            + " sum(total) filter (where kind = 'SUGGESTION'), sum(total) filter (where kind = 'COMPLAINT'),"
            + " sum(response_measured), sum(response_met), sum(resolution_measured), sum(resolution_met),"
            + " sum(responded), sum(response_hours), sum(resolved), sum(resolution_hours), sum(reachable),"
            + " sum(replied), sum(rated), sum(rating_sum)";

    /**
     * What is past its deadline and still waits for the store: measured and missed, counted at the time of asking
     * (the sums hold only what the store has done). Read from the open complaints alone.
     */
    private static final String LATE = "select f.store_id, date_trunc('month', f.received_at at time zone z.zone)::date"
            + " as month, cast('COMPLAINT' as varchar) as kind, f.section_id, 0::bigint as total,"
            + " count(*) filter (where f.responded_at is null and f.response_due_at < cast(?3 as timestamptz))"
            + "  as response_measured, 0::bigint as response_met,"
            + " count(*) filter (where f.resolved_at is null and f.resolution_due_at < cast(?3 as timestamptz))"
            + "  as resolution_measured, 0::bigint as resolution_met, 0::bigint as responded,"
            + " 0::double precision as response_hours, 0::bigint as resolved, 0::double precision as resolution_hours,"
            + " 0::bigint as reachable, 0::bigint as replied, 0::bigint as rated, 0::bigint as rating_sum"
            + " from feedback f where f.tenant_id = cast(?1 as uuid) and f.status in ('NEW', 'ACKNOWLEDGED')"
            + " and f.kind = 'COMPLAINT' and f.received_at >= (cast(?2 as date)::timestamp at time zone z.zone)"
            + " and (f.response_due_at < cast(?3 as timestamptz) or f.resolution_due_at < cast(?3 as timestamptz))"
            + " group by 1, 2, 4";

    /** Everything since {@code since} (the franchise's own calendar), in one statement plus the names. */
    public Overview overview(LocalDate since) {
        String franchise = callers.current().franchiseId();
        String zone = em.find(Franchise.class, franchise).getTimeZone();
        @SuppressWarnings("unchecked")
        List<Object[]> changed = em.createNativeQuery("select store_id::text, month::text from feedback_changed"
                        + " where tenant_id = cast(?1 as uuid) and month >= cast(?2 as date)")
                .setParameter(1, franchise)
                .setParameter(2, since)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with z as (select cast(?4 as text) as zone),"
                        + " late as (" + LATE.replace("from feedback f where", "from feedback f cross join z where")
                        // the changed groups as a list read just before: a prepared statement's generic plan
                        // cannot know how few they are, and joined them to every case by a full scan
                        + "), changed as (select * from unnest(cast(?5 as uuid[]), cast(?6 as date[]))"
                        + "  as c (store_id, month)),"
                        // the sums of groups nothing changed in since the last round, the rest from the feedback
                        + " parts as (select store_id, month, kind, section_id, total, response_measured,"
                        + "  response_met, resolution_measured, resolution_met, responded, response_hours, resolved,"
                        + "  resolution_hours, reachable, replied, rated, rating_sum from feedback_month m"
                        + "  where tenant_id = cast(?1 as uuid) and month >= cast(?2 as date)"
                        + "  and not exists (select 1 from changed c where c.store_id = m.store_id and c.month = m.month)"
                        + "  union all select store_id, month, kind, section_id, total, response_measured, response_met,"
                        + "  resolution_measured, resolution_met, responded, response_hours, resolved, resolution_hours,"
                        + "  reachable, replied, rated, rating_sum from ("
                        + FeedbackStats.GROUPS.formatted("changed g")
                        + ") fresh"
                        + "  union all select store_id, month, kind, section_id, total, response_measured, response_met,"
                        + "  resolution_measured, resolution_met, responded, response_hours, resolved, resolution_hours,"
                        + "  reachable, replied, rated, rating_sum from late)"
                        + " select grouping(store_id), grouping(kind), store_id::text, month, section_id::text, "
                        + FIGURES
                        + " from parts group by grouping sets ((store_id), (month), (section_id, kind), ())")
                .setParameter(1, franchise)
                .setParameter(2, since)
                .setParameter(3, clock.now())
                .setParameter(4, zone)
                .setParameter(5, FeedbackStats.array(changed, 0))
                .setParameter(6, FeedbackStats.array(changed, 1))
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> stores = em.createNativeQuery("select s.id::text, s.code, s.name, r.name from store s"
                        + " left join region r on r.id = s.region_id where s.tenant_id = cast(?1 as uuid)"
                        + " order by r.name nulls last, s.code")
                .setParameter(1, franchise)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> titles = em.createNativeQuery("select distinct on (t.section_id) t.section_id::text, t.title"
                        + " from section_text t join charter_section s on s.id = t.section_id"
                        + " where t.tenant_id = cast(?1 as uuid) and s.visibility = 'PUBLIC'"
                        + " order by t.section_id, (t.locale = ?2) desc")
                .setParameter(1, franchise)
                .setParameter(2, callerLanguage())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        titles.forEach(t -> sectionTitles.put((String) t[0], (String) t[1]));

        Figures all = Figures.NONE;
        Map<String, Figures> byStore = new LinkedHashMap<>();
        List<Month> months = new ArrayList<>();
        Map<String, long[]> bySection = new LinkedHashMap<>();
        for (Object[] row : rows) {
            boolean storeRolled = ((Number) row[0]).intValue() == 1;
            boolean kindRolled = ((Number) row[1]).intValue() == 1;
            Figures figures = figures(row, 5);
            if (!storeRolled) {
                byStore.put((String) row[2], figures);
            } else if (row[3] != null) {
                months.add(new Month(((java.sql.Date) row[3]).toLocalDate(), figures));
            } else if (!kindRolled) {
                String section = (String) row[4];
                long[] counts = bySection.computeIfAbsent(section == null ? "" : section, k -> new long[3]);
                counts[0] += figures.compliments();
                counts[1] += figures.suggestions();
                counts[2] += figures.complaints();
            } else {
                all = figures;
            }
        }
        months.sort(java.util.Comparator.comparing(Month::month));
        List<StoreFigures> storeLines = new ArrayList<>();
        Map<String, Figures> regions = new LinkedHashMap<>();
        for (Object[] store : stores) {
            Figures figures = byStore.getOrDefault((String) store[0], Figures.NONE);
            String region = (String) store[3];
            storeLines.add(new StoreFigures((String) store[0], (String) store[1], (String) store[2], region, figures));
            regions.merge(region == null ? "" : region, figures, Figures::plus);
        }
        List<SectionCount> sections = bySection.entrySet().stream()
                .map(e -> new SectionCount(
                        e.getKey().isEmpty() ? null : e.getKey(),
                        e.getKey().isEmpty() ? null : sectionTitles.get(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2]))
                .sorted(java.util.Comparator.comparingLong(
                        (SectionCount c) -> -(c.complaints() + c.suggestions() + c.compliments())))
                .toList();
        return new Overview(since, all, regions, storeLines, sections, months);
    }

    /** The cases a customer left {@code email} on, for their request to be forgotten. */
    public List<Found> findByContact(String email) {
        String wanted = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (wanted.length() < 3 || wanted.length() > 254) {
            throw new org.charter.model.common.BusinessException("error.email", wanted);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select fb.id::text, fb.reference, s.name, fb.received_at, fb.status"
                        + " from feedback fb join store s on s.id = fb.store_id where fb.tenant_id = cast(?1 as uuid)"
                        + " and lower(fb.contact_email) = ?2 order by fb.received_at desc")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, wanted)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new Found((String) r[0], (String) r[1], (String) r[2], Rows.instant(r[3]), (String) r[4]))
                .toList();
    }

    /** Erases the contact data of every case the customer left {@code email} on. Returns how many. */
    public int eraseContact(String email) {
        List<String> ids = findByContact(email).stream().map(Found::id).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        int erased = planner.eraseContacts(callers.current().franchiseId(), clock.now(), ids);
        audit.record("feedback.erased", "franchise", callers.current().franchiseId(), erased + " case(s) on request");
        return erased;
    }

    public int contactRetentionMonths() {
        return em.find(Franchise.class, callers.current().franchiseId()).getContactRetentionMonths();
    }

    public void keepContactsFor(int months) {
        Franchise franchise = em.find(Franchise.class, callers.current().franchiseId());
        franchise.keepContactsFor(months);
        audit.record("feedback.retention", "franchise", franchise.getId(), months + " months");
    }

    private String callerLanguage() {
        return em.createQuery("select p.preferredLocale from Person p where p.account.id = :account", String.class)
                .setParameter("account", callers.current().accountId())
                .getResultStream()
                .findFirst()
                .orElse("en");
    }

    private static Figures figures(Object[] row, int at) {
        return new Figures(
                count(row[at]),
                count(row[at + 1]),
                count(row[at + 2]),
                count(row[at + 3]),
                count(row[at + 4]),
                count(row[at + 5]),
                count(row[at + 6]),
                count(row[at + 7]),
                count(row[at + 8]),
                decimal(row[at + 9]),
                count(row[at + 10]),
                decimal(row[at + 11]),
                count(row[at + 12]),
                count(row[at + 13]),
                count(row[at + 14]),
                count(row[at + 15]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
