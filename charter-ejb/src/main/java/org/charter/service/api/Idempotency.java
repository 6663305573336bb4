package org.charter.service.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.charter.model.common.BusinessException;
import org.charter.service.database.Rows;
import org.charter.service.security.SecretBox;

/**
 * Idempotency keys for the API's POST calls, inside the caller's own transaction: the key is claimed by inserting
 * its row, the effect happens, and the answer is stored in the same row before the commit. A second request with
 * the same key waits on that row's unique key until the first commits, then replays the stored answer; if the
 * first rolled back, it goes ahead itself. So a crash never leaves a key that blocks, and an effect never happens
 * twice. The same key with a different request is refused. Keys live a day.
 */
@ApplicationScoped
public class Idempotency {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    SecretBox secrets;

    /** An answer: made now, or the one stored for the key, replayed. */
    public record Answer(int status, String body, boolean replayed) {}

    /**
     * Answers a request once per key. {@code key} null: no key, the work runs. {@code fingerprint} stands for
     * what was asked; {@code work} makes the effect and the answer (status and JSON body).
     */
    public Answer once(String franchiseId, String caller, String key, String fingerprint, Supplier<Answer> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new BusinessException("api.idempotencyKey");
        }
        Rows.nativeQuery(
                        em,
                        "delete from api_idempotency where franchise_id = cast(?1 as uuid)"
                                + " and created_at < now() - interval '1 day'")
                .setParameter(1, franchiseId)
                .executeUpdate();
        // the placeholder answer is replaced below, in this same transaction; nobody else ever sees it
        int claimed = Rows.nativeQuery(
                        em,
                        "insert into api_idempotency (franchise_id, caller, idem_key, fingerprint,"
                                + " status_code, response) values (cast(?1 as uuid), ?2, ?3, ?4, 0, 'sealed1:pending')"
                                + " on conflict do nothing")
                .setParameter(1, franchiseId)
                .setParameter(2, caller)
                .setParameter(3, key)
                .setParameter(4, fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return replay(franchiseId, caller, key, fingerprint);
        }
        Answer answer = work.get();
        Rows.nativeQuery(
                        em,
                        "update api_idempotency set status_code = ?4, response = ?5"
                                + " where franchise_id = cast(?1 as uuid) and caller = ?2 and idem_key = ?3")
                .setParameter(1, franchiseId)
                .setParameter(2, caller)
                .setParameter(3, key)
                .setParameter(4, answer.status())
                .setParameter(5, secrets.seal(answer.body(), context(franchiseId, caller, key)))
                .executeUpdate();
        return answer;
    }

    private Answer replay(String franchiseId, String caller, String key, String fingerprint) {
        List<Object[]> rows = Rows.list(Rows.nativeQuery(
                        em,
                        "select fingerprint, status_code, response"
                                + " from api_idempotency where franchise_id = cast(?1 as uuid) and caller = ?2 and idem_key = ?3")
                .setParameter(1, franchiseId)
                .setParameter(2, caller)
                .setParameter(3, key));
        Optional<Object[]> row = rows.stream().findFirst();
        if (row.isEmpty()) {
            // the first request with this key rolled back after this one's insert waited on it: ask again
            throw new BusinessException("api.idempotencyRetry");
        }
        if (!fingerprint.equals(((String) row.get()[0]).strip())) {
            throw new BusinessException("api.idempotencyMismatch");
        }
        int status = Rows.number(row.get()[1]);
        String body = secrets.open((String) row.get()[2], context(franchiseId, caller, key));
        return new Answer(status, body, true);
    }

    private static String context(String franchiseId, String caller, String key) {
        return "api_idempotency:" + franchiseId + ":" + caller + ":" + key;
    }
}
