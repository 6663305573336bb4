package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.charter.VersionRendering;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.audit.AuditTrail;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * The signature under a charter version. Signing twice (a double click, twenty identical requests) leaves one
 * record: the database's unique key decides, and the later requests get the first signature back.
 */
@Stateless
@Guarded
@Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
public class AcknowledgementService {

    public static final int STATEMENT_LENGTH = 2000;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    /** A signature given by someone signed in with their own password. */
    public record Signing(
            String versionId,
            Language language,
            String statement,
            String typedName,
            String clientAddress,
            String userAgent,
            String authMethod) {}

    public Acknowledgement sign(Signing signing) {
        Person me = myself();
        String assignment = openOrDoneAssignment(me, signing.versionId());
        if (signing.typedName() == null || !normal(signing.typedName()).equalsIgnoreCase(normal(me.getFullName()))) {
            throw new BusinessException("error.ack.name");
        }
        if (signing.statement() == null
                || signing.statement().isBlank()
                || signing.statement().length() > STATEMENT_LENGTH) {
            throw new BusinessException("error.required", "statement");
        }
        VersionRendering shown = em.createQuery(
                        "select r from VersionRendering r where r.charterVersion.id = :version"
                                + " and r.locale = :locale",
                        VersionRendering.class)
                .setParameter("version", signing.versionId())
                .setParameter("locale", signing.language().tag())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new BusinessException(
                        "error.charter.language", signing.language().tag()));
        int inserted = em.createNativeQuery("insert into acknowledgement (id, tenant_id, person_id, version_id, locale,"
                        + " content_sha256, statement, typed_name, client_address, user_agent, auth_method)"
                        + " values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                        + " on conflict (tenant_id, person_id, version_id) do nothing")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, me.getId())
                .setParameter(3, signing.versionId())
                .setParameter(4, signing.language().tag())
                .setParameter(5, shown.getSha256())
                .setParameter(6, signing.statement().strip())
                .setParameter(7, signing.typedName().strip())
                .setParameter(8, limit(signing.clientAddress(), 64))
                .setParameter(9, limit(signing.userAgent(), 500))
                .setParameter(10, signing.authMethod() == null ? "PASSWORD" : signing.authMethod())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        if (inserted == 1) {
            em.createNativeQuery(
                            "update assignment set status = 'COMPLETED', completed_at = now(), version = version + 1"
                                    + " where id = ?1 and status <> 'COMPLETED'")
                    .setParameter(1, assignment)
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .executeUpdate();
            audit.record(
                    "ack.signed",
                    "person",
                    me.getId(),
                    "v-" + signing.versionId() + " " + signing.language().tag());
        }
        return mySignature(signing.versionId()).orElseThrow();
    }

    public java.util.Optional<Acknowledgement> mySignature(String versionId) {
        return em.createQuery(
                        "select a from Acknowledgement a where a.personId = :person and a.versionId = :version",
                        Acknowledgement.class)
                .setParameter("person", myself().getId())
                .setParameter("version", versionId)
                .getResultStream()
                .findFirst();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.id::text, v.number, a.status, a.due_date"
                        + " from assignment a join charter_version v on v.id = a.version_id"
                        + " where a.person_id = ?1 and a.tenant_id = ?2 order by v.number desc")
                .setParameter(1, myself().getId())
                .setParameter(2, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new MyAssignment(
                        (String) r[0], ((Number) r[1]).intValue(), (String) r[2], ((java.sql.Date) r[3]).toLocalDate()))
                .toList();
    }

    /**
     * An assigned version to read before signing, in {@code wanted} when the charter is written in it, else in
     * its source language; with the SHA-256 of exactly that text.
     */
    public Reading read(String versionId, Language wanted) {
        openOrDoneAssignment(myself(), versionId);
        org.charter.model.charter.CharterVersion version =
                em.find(org.charter.model.charter.CharterVersion.class, versionId);
        List<VersionRendering> renderings = em.createQuery(
                        "select r from VersionRendering r where r.charterVersion = :version", VersionRendering.class)
                .setParameter("version", version)
                .getResultList();
        VersionRendering shown = renderings.stream()
                .filter(r -> r.getLanguage() == wanted)
                .findFirst()
                .orElseGet(() -> renderings.stream()
                        .filter(r -> r.getLanguage() == version.getSourceLanguage())
                        .findFirst()
                        .orElseThrow());
        Language language = shown.getLanguage();
        List<Reading.Part> parts = version.getSections().stream()
                .map(section -> new Reading.Part(
                        section.getKind().name(),
                        section.text(language).orElseThrow().getTitle(),
                        section.text(language).orElseThrow().getBody(),
                        section.getStandards().stream()
                                .map(standard -> standard.text(language)
                                        .map(t -> t.getPromise())
                                        .orElse(""))
                                .toList()))
                .toList();
        return new Reading(version.getId(), version.getNumber(), language, shown.getSha256(), parts);
    }

    private String openOrDoneAssignment(Person me, String versionId) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery(
                        "select id::text from assignment where person_id = ?1 and version_id = ?2 and tenant_id = ?3")
                .setParameter(1, me.getId())
                .setParameter(2, versionId)
                .setParameter(3, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("charterVersion", versionId);
        }
        return String.valueOf(found.get(0));
    }

    private Person myself() {
        return em.createQuery("select p from Person p where p.account.id = :account", Person.class)
                .setParameter("account", callers.current().accountId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("person", "me"));
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    private static String limit(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
