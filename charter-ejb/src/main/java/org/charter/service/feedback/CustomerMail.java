package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.model.feedback.Feedback;
import org.charter.service.database.DatabaseClock;
import org.charter.service.notice.NoticeKind;
import org.eclipse.persistence.config.QueryHints;

/**
 * Mail to a customer, through the reminder engine: a notice without a person (so in nobody's inbox), queued in the
 * caller's transaction and sent by the dispatchers in the customer's language. Its occurrence
 * ({@code feedback:<case>:<what>}) is unique, so nothing goes out twice; erasing the customer's data erases its
 * address and link.
 */
@ApplicationScoped
public class CustomerMail {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    DatabaseClock clock;

    /** Queues {@code kind} (the receipt, or a reply whose text is {@code reply}) for the case's customer. */
    public void queue(
            String franchiseId,
            Feedback feedback,
            String storeName,
            NoticeKind kind,
            String what,
            String link,
            String reply) {
        em.createNativeQuery("insert into notice (id, tenant_id, person_id, kind, occurrence, params, link, mandatory,"
                        + " created_at, read_at, mail_address, mail_locale, mail_status, mail_next_at)"
                        + " values (gen_random_uuid(), cast(?1 as uuid), null, ?2, ?3,"
                        + " json_build_object('reference', cast(?4 as text), 'store', cast(?5 as text),"
                        + " 'reply', cast(?6 as text))::text, ?7, true, cast(?8 as timestamptz), cast(?8 as timestamptz),"
                        + " ?9, ?10, 'QUEUED', cast(?8 as timestamptz))")
                .setParameter(1, franchiseId)
                .setParameter(2, kind.name())
                .setParameter(3, "feedback:" + feedback.getId() + ":" + what)
                .setParameter(4, feedback.getReference())
                .setParameter(5, storeName)
                .setParameter(6, reply == null ? "" : reply)
                .setParameter(7, link)
                .setParameter(8, clock.now())
                .setParameter(9, feedback.getContactEmail())
                .setParameter(10, feedback.getLocale())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    /** The link of the customer's status page, as their receipt carried it (null when they left no address). */
    public String statusLink(String franchiseId, Feedback feedback) {
        return (String) em.createNativeQuery("select link from notice where person_id is null"
                        + " and tenant_id = cast(?1 as uuid) and occurrence = ?2")
                .setParameter(1, franchiseId)
                .setParameter(2, "feedback:" + feedback.getId() + ":receipt")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
