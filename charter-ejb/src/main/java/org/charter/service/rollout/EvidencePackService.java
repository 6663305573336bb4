package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * Gathers a store's evidence for one version, for the pack HQ hands to an auditor: everyone assigned there, with
 * their signature (and its receipt) or their excuse or nothing yet, their quiz tries and their session seats.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class EvidencePackService {

    /** A pack is built while HQ waits; a store has tens of people, not thousands. */
    public static final int MAX_PEOPLE = 2_000;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    public EvidencePack pack(String storeCode, int versionNumber) {
        String tenant = callers.current().franchiseId();
        List<Object[]> stores = Rows.list(nativeQuery(
                        "select id::text, code, name from store where tenant_id = cast(?1 as uuid)" + " and code = ?2")
                .setParameter(1, tenant)
                .setParameter(2, storeCode == null ? "" : storeCode.strip().toUpperCase(Locale.ROOT)));
        if (stores.isEmpty()) {
            throw new NotFoundException("store", storeCode);
        }
        List<?> versions = nativeQuery(
                        "select id::text from charter_version where tenant_id = cast(?1 as uuid)" + " and number = ?2")
                .setParameter(1, tenant)
                .setParameter(2, versionNumber)
                .getResultList();
        if (versions.isEmpty()) {
            throw new NotFoundException("version", versionNumber);
        }
        String storeId = (String) stores.get(0)[0];
        String versionId = String.valueOf(versions.get(0));
        Franchise franchise = em.find(Franchise.class, tenant);

        List<EvidencePack.Person> people = new ArrayList<>();
        Map<String, String[]> names = new HashMap<>();
        for (Object[] row :
                Rows.list(nativeQuery("select p.id::text, p.employee_number, p.full_name, a.status, a.due_date,"
                                + " k.signed_at, k.locale, k.content_sha256, k.auth_method, a.excused_reason, a.excused_until,"
                                + " a.excused_by from assignment a join person p on p.id = a.person_id"
                                + " left join acknowledgement k on k.person_id = a.person_id and k.version_id = a.version_id"
                                + " where a.tenant_id = cast(?1 as uuid) and a.store_id = cast(?2 as uuid)"
                                + " and a.version_id = cast(?3 as uuid) order by lower(p.full_name), p.id limit ?4")
                        .setParameter(1, tenant)
                        .setParameter(2, storeId)
                        .setParameter(3, versionId)
                        .setParameter(4, MAX_PEOPLE))) {
            names.put((String) row[0], new String[] {(String) row[1], (String) row[2]});
            people.add(new EvidencePack.Person(
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    Rows.day(row[4]),
                    Rows.instant(row[5]),
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    (String) row[9],
                    Rows.day(row[10]),
                    (String) row[11]));
        }
        List<Receipt> receipts = new ArrayList<>();
        if (!names.isEmpty()) {
            for (Acknowledgement signature : em.createQuery(
                            "select k from Acknowledgement k where k.versionId = :version and k.personId in :people"
                                    + " order by k.signedAt, k.id",
                            Acknowledgement.class)
                    .setParameter("version", versionId)
                    .setParameter("people", List.copyOf(names.keySet()))
                    .getResultList()) {
                String[] person = names.get(signature.getPersonId());
                receipts.add(new Receipt(franchise.getName(), person[1], person[0], versionNumber, signature));
            }
        }
        List<EvidencePack.QuizTry> tries = new ArrayList<>();
        List<EvidencePack.Seat> seats = new ArrayList<>();
        if (!names.isEmpty()) {
            String ids = String.join(",", names.keySet());
            for (Object[] row : Rows.list(nativeQuery(
                            "select q.person_id::text, q.attempted_at, q.locale, q.correct, q.questions,"
                                    + " q.passed, q.session_id is not null from quiz_attempt q"
                                    + " where q.tenant_id = cast(?1 as uuid) and q.version_id = cast(?2 as uuid)"
                                    + " and q.person_id = any(string_to_array(?3, ',')::uuid[]) order by q.attempted_at, q.id")
                    .setParameter(1, tenant)
                    .setParameter(2, versionId)
                    .setParameter(3, ids))) {
                String[] person = names.get((String) row[0]);
                tries.add(new EvidencePack.QuizTry(
                        person[0],
                        person[1],
                        Rows.instant(row[1]),
                        (String) row[2],
                        ((Number) row[3]).intValue(),
                        ((Number) row[4]).intValue(),
                        (Boolean) row[5],
                        (Boolean) row[6]));
            }
            for (Object[] row : Rows.list(nativeQuery(
                            "select e.person_id::text, t.starts_at, t.place, t.trainer, e.attended"
                                    + " from session_seat e join training_session t on t.id = e.session_id"
                                    + " where e.tenant_id = cast(?1 as uuid) and t.version_id = cast(?2 as uuid)"
                                    + " and t.store_id = cast(?3 as uuid) and not t.cancelled"
                                    + " and e.person_id = any(string_to_array(?4, ',')::uuid[]) order by t.starts_at, e.id")
                    .setParameter(1, tenant)
                    .setParameter(2, versionId)
                    .setParameter(3, storeId)
                    .setParameter(4, ids))) {
                String[] person = names.get((String) row[0]);
                seats.add(new EvidencePack.Seat(
                        person[0], person[1], Rows.instant(row[1]), (String) row[2], (String) row[3], (Boolean)
                                row[4]));
            }
        }
        return new EvidencePack(
                franchise.getName(),
                (String) stores.get(0)[1],
                (String) stores.get(0)[2],
                versionNumber,
                receipts,
                people,
                tries,
                seats);
    }

    private jakarta.persistence.Query nativeQuery(String sql) {
        return Rows.nativeQuery(em, sql);
    }
}
