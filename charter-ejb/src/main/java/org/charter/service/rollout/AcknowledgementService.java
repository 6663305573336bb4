package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;
import org.charter.service.training.Reading;
import org.eclipse.persistence.config.QueryHints;

/** The signed-in person's own training: what is assigned, reading it, the quiz, the signature and receipts. */
@Stateless
@Guarded
@Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
public class AcknowledgementService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    Signatures signatures;

    /**
     * My training page: the assignments and, for {@code versionId} (or else the first open one), what to read,
     * the quiz and the signature.
     */
    public MyTraining myTraining(String versionId, Language wanted) {
        Person me = myself();
        List<MyAssignment> assignments = assignmentsOf(me);
        String chosen = versionId != null && !versionId.isBlank()
                ? versionId
                : assignments.stream()
                        .filter(MyAssignment::isOpen)
                        .map(MyAssignment::versionId)
                        .findFirst()
                        .orElse(null);
        if (chosen == null) {
            return new MyTraining(assignments, null, false, null, null);
        }
        Reading reading = signatures.read(me, chosen, wanted);
        Acknowledgement signature = signatures.signature(me, chosen).orElse(null);
        boolean passed = signature != null || signatures.hasPassed(me, chosen);
        QuizPaper paper = signature == null ? signatures.paperIn(chosen, reading.language()) : null;
        return new MyTraining(assignments, reading, passed, paper, signature);
    }

    /**
     * Signs an assigned version on the person's own device, signed in with their password, in one statement that
     * also finds the person of the signed-in account.
     *
     * @return true when this call signed, false when the person had signed the version before
     */
    public boolean sign(Confirmation confirmation) {
        return signatures.signAsAccount(
                callers.current().accountId(), confirmation, Signatures.ConfirmedBy.PASSWORD, null);
    }

    /** The receipt of my signature under a version. */
    public Receipt myReceipt(String versionId) {
        Person me = myself();
        Acknowledgement signature = signatures
                .signature(me, versionId)
                .orElseThrow(() -> new NotFoundException("acknowledgement", versionId));
        org.charter.model.charter.CharterVersion version =
                em.find(org.charter.model.charter.CharterVersion.class, versionId);
        org.charter.model.franchise.Franchise franchise = em.find(
                org.charter.model.franchise.Franchise.class, callers.current().franchiseId());
        return new Receipt(
                franchise.getName(), me.getFullName(), me.getEmployeeNumber(), version.getNumber(), signature);
    }

    public List<Acknowledgement> mySignatures() {
        return em.createQuery(
                        "select a from Acknowledgement a where a.personId = :person order by a.signedAt desc",
                        Acknowledgement.class)
                .setParameter("person", myself().getId())
                .getResultList();
    }

    /** The versions assigned to the signed-in person, newest first. */
    public List<MyAssignment> myAssignments() {
        return assignmentsOf(myself());
    }

    private List<MyAssignment> assignmentsOf(Person me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.id::text, v.number, a.status, a.due_date"
                        + " from assignment a join charter_version v on v.id = a.version_id"
                        + " where a.person_id = ?1 and a.tenant_id = ?2 order by v.number desc")
                .setParameter(1, me.getId())
                .setParameter(2, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new MyAssignment(
                        (String) r[0], ((Number) r[1]).intValue(), (String) r[2], ((java.sql.Date) r[3]).toLocalDate()))
                .toList();
    }

    /** An assigned version to read, in {@code wanted} when the charter is written in it, else its source language. */
    public Reading read(String versionId, Language wanted) {
        return signatures.read(myself(), versionId, wanted);
    }

    public QuizPaper quiz(String versionId, Language wanted) {
        return signatures.paper(myself(), versionId, wanted);
    }

    public QuizResult answer(String versionId, Language wanted, Map<String, Set<String>> answers) {
        return signatures.answer(myself(), versionId, wanted, answers, null);
    }

    public boolean quizPassed(String versionId) {
        return signatures.hasPassed(myself(), versionId);
    }

    private Person myself() {
        return em.createQuery("select p from Person p where p.account.id = :account", Person.class)
                .setParameter("account", callers.current().accountId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("person", "me"));
    }
}
