package org.charter.service.api;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.model.people.Account;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.Person;
import org.charter.model.people.PersonStatus;
import org.charter.model.people.Role;
import org.charter.model.people.StoreMembership;
import org.charter.model.store.Region;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.people.Enrolment;
import org.charter.service.people.Issued;
import org.charter.service.people.PersonForm;
import org.charter.service.rollout.StaffChanges;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * Stores and people by their keys in the franchise's other systems: the store code and the employee number. A
 * write names the whole record (PUT): it creates what is missing, changes what differs, and writes nothing, not
 * even an audit line, when the record is already as sent, so that a sync can send everything every night.
 */
@Stateless
@Guarded
public class ApiDirectory {

    /** The most records one page of a list holds. */
    public static final int MAX_LIMIT = 500;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    Enrolment enrolment;

    @Inject
    Idempotency idempotency;

    @Inject
    StaffChanges staffChanges;

    // Stores --------------------------------------------------------------------------------------------------

    @Permit(Role.API_READ)
    public Slice<StoreRecord> stores(String after, int limit) {
        int size = pageSize(limit);
        List<Store> page = em.createQuery(
                        "select s from Store s left join fetch s.region where s.code > :after order by s.code",
                        Store.class)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(size + 1)
                .getResultList();
        List<StoreRecord> items = page.stream().limit(size).map(StoreRecord::of).toList();
        return new Slice<>(items, page.size() > size ? items.get(size - 1).code() : null);
    }

    @Permit(Role.API_READ)
    public StoreRecord store(String code) {
        return StoreRecord.of(storeByCode(code).orElseThrow(() -> new NotFoundException("store", code)));
    }

    /** Also HQ's: a store import applies its lines through here. */
    @Permit({Role.API_WRITE_STORES, Role.HQ_ADMIN})
    public Upserted<StoreRecord> putStore(String code, StoreRecord sent, Long ifMatch) {
        Optional<Store> existing = storeByCode(code);
        if (existing.isEmpty()) {
            if (ifMatch != null) {
                throw new VersionMismatch();
            }
            Store store = new Store(code, sent.name(), zoneOrFranchise(sent.timeZone()));
            describe(store, sent);
            em.persist(store);
            if (Boolean.FALSE.equals(sent.open())) {
                store.close();
            }
            em.flush();
            audit.record("store.created", "store", store.getId(), store.getCode() + " " + store.getName());
            return new Upserted<>(StoreRecord.of(store), true, true, null);
        }
        Store store = existing.get();
        requireVersion(store.getVersion(), ifMatch);
        StoreRecord before = StoreRecord.of(store);
        store.rename(sent.name());
        store.moveToZone(sent.timeZone() == null ? store.getTimeZone() : sent.timeZone());
        describe(store, sent);
        if (sent.open() != null && sent.open() != store.isActive()) {
            if (sent.open()) {
                store.reopen();
            } else {
                store.close();
            }
        }
        em.flush();
        StoreRecord after = StoreRecord.of(store);
        boolean changed = !sameStore(before, after);
        if (changed) {
            audit.record("store.updated", "store", store.getId(), store.getCode() + " " + store.getName());
        }
        return new Upserted<>(after, false, changed, null);
    }

    private void describe(Store store, StoreRecord sent) {
        store.placeInRegion(sent.region() == null || sent.region().isBlank() ? null : region(sent.region()));
        store.relocate(sent.street(), sent.postalCode(), sent.city(), sent.country());
    }

    private Region region(String name) {
        String tidy = name.strip();
        return em.createQuery("select r from Region r where lower(r.name) = lower(:name)", Region.class)
                .setParameter("name", tidy)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Region region = new Region(tidy);
                    em.persist(region);
                    audit.record("region.created", "region", region.getId(), region.getName());
                    return region;
                });
    }

    private String zoneOrFranchise(String zone) {
        return zone != null && !zone.isBlank() ? zone : franchise().getTimeZone();
    }

    private static boolean sameStore(StoreRecord before, StoreRecord after) {
        return before.equals(new StoreRecord(
                after.code(),
                after.name(),
                after.region(),
                after.street(),
                after.postalCode(),
                after.city(),
                after.country(),
                after.timeZone(),
                after.open(),
                before.version()));
    }

    private Optional<Store> storeByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select s from Store s where s.code = :code", Store.class)
                .setParameter("code", code.strip().toUpperCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    // People --------------------------------------------------------------------------------------------------

    /** Everyone of the franchise, in a stable order (their record id), with the store they work in. */
    @Permit(Role.API_READ)
    public Slice<PersonRecord> people(String after, int limit) {
        int size = pageSize(limit);
        if (after != null && !Ids.isWellFormed(after)) {
            throw new BusinessException("api.error.cursor");
        }
        var query = em.createQuery(
                "select p from Person p join fetch p.account" + (after == null ? "" : " where p.id > :after")
                        + " order by p.id",
                Person.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Person> page = query.setMaxResults(size + 1).getResultList();
        List<Person> shown = page.stream().limit(size).toList();
        Map<String, String> stores = staffStores(shown);
        List<PersonRecord> items = shown.stream()
                .map(person -> record(person, stores.get(person.getId())))
                .toList();
        return new Slice<>(items, page.size() > size ? shown.get(size - 1).getId() : null);
    }

    @Permit(Role.API_READ)
    public PersonRecord person(String employeeNumber) {
        Person person =
                personByNumber(employeeNumber).orElseThrow(() -> new NotFoundException("person", employeeNumber));
        return record(person, staffStores(List.of(person)).get(person.getId()));
    }

    /**
     * Creates or changes the person with this employee number. A new person works in {@code store} and gets a
     * one-time code to choose a password; a person whose {@code store} changes moves there with their open
     * training; a change of {@code status} sends them on leave, back to work, out of the franchise, or rehires
     * them, as the roster's buttons do.
     */
    @Permit(Role.API_WRITE_PEOPLE)
    public Upserted<PersonRecord> putPerson(String employeeNumber, PersonRecord sent, Long ifMatch) {
        if (employeeNumber == null || employeeNumber.isBlank()) {
            throw new BusinessException("error.required", "employeeNumber");
        }
        Optional<Person> existing = personByNumber(employeeNumber);
        if (existing.isEmpty()) {
            if (ifMatch != null) {
                throw new VersionMismatch();
            }
            return hire(employeeNumber.strip(), sent);
        }
        Person person = existing.get();
        requireVersion(person.getVersion(), ifMatch);
        String storeBefore = staffStores(List.of(person)).get(person.getId());
        PersonRecord before = record(person, storeBefore);
        person.describe(
                sent.fullName(),
                person.getEmployeeNumber(),
                sent.hireDate(),
                language(sent.language()).orElse(person.getLanguage()),
                sent.email());
        String storeAfter = storeBefore;
        if (sent.store() != null && !sent.store().strip().equalsIgnoreCase(String.valueOf(storeBefore))) {
            storeAfter = move(person, requireStore(sent.store())).getCode();
        }
        changeStatus(person, sent.status(), sent.leftOn());
        em.flush();
        PersonRecord after = record(person, storeAfter);
        boolean changed = !samePerson(before, after);
        if (changed) {
            audit.record("person.updated", "person", person.getId(), person.getFullName() + " " + after.status());
        }
        return new Upserted<>(after, false, changed, null);
    }

    /**
     * Issues the person a new one-time code to choose a password (their sessions end, as with the roster's "reset
     * access"). Not idempotent by itself, so it honours an idempotency key: the same key again answers the same
     * code instead of a second one. The answer is JSON: employee number, username and the code.
     */
    @Permit(Role.API_WRITE_PEOPLE)
    public Idempotency.Answer issueAccessCode(String employeeNumber, String idempotencyKey) {
        String number = employeeNumber == null ? "" : employeeNumber.strip();
        var caller = callers.current();
        String fingerprint = org.charter.model.charter.Hashes.sha256("POST /v1/people/" + number + "/access-codes");
        return idempotency.once(caller.franchiseId(), caller.username(), idempotencyKey, fingerprint, () -> {
            Person person = personByNumber(number).orElseThrow(() -> new NotFoundException("person", number));
            Issued issued = enrolment.reissue(person);
            audit.record("person.accessReset", "person", person.getId(), person.getFullName());
            String body = jakarta.json.Json.createObjectBuilder()
                    .add("employeeNumber", person.getEmployeeNumber())
                    .add("username", issued.username())
                    .add("setupCode", issued.code())
                    .build()
                    .toString();
            return new Idempotency.Answer(201, body, false);
        });
    }

    private Upserted<PersonRecord> hire(String number, PersonRecord sent) {
        if (sent.store() == null || sent.store().isBlank()) {
            throw new BusinessException("error.required", "store");
        }
        Store store = requireStore(sent.store());
        Franchise franchise = franchise();
        String username = sent.username() != null && !sent.username().isBlank()
                ? sent.username()
                : Account.defaultUsername(franchise.getSlug(), number);
        Enrolment.Enrolled enrolled = enrolment.enrol(
                franchise.getId(),
                new PersonForm(
                        sent.fullName(),
                        username,
                        number,
                        sent.hireDate(),
                        language(sent.language()).orElse(franchise.getDefaultLanguage()),
                        sent.email(),
                        0),
                EnumSet.of(Role.EMPLOYEE));
        Person person = enrolled.person();
        em.persist(new StoreMembership(person, store, MembershipRole.STAFF));
        staffChanges.joined(franchise.getId(), person.getId(), store.getId());
        changeStatus(person, sent.status(), sent.leftOn());
        em.flush();
        audit.record("person.hired", "person", person.getId(), person.getFullName() + " @ " + store.getCode());
        return new Upserted<>(
                record(person, store.getCode()), true, true, enrolled.issued().code());
    }

    /** The person's staff membership moves, and their unfinished training counts for the new store. */
    private Store move(Person person, Store to) {
        em.createQuery("delete from StoreMembership m where m.person = :person and m.role = :staff")
                .setParameter("person", person)
                .setParameter("staff", MembershipRole.STAFF)
                .executeUpdate();
        em.persist(new StoreMembership(person, to, MembershipRole.STAFF));
        em.flush();
        em.createNativeQuery("update assignment set store_id = ?1, version = version + 1"
                        + " where person_id = ?2 and status in ('ASSIGNED', 'EXCUSED') and store_id <> ?1")
                .setParameter(1, to.getId())
                .setParameter(2, person.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        return to;
    }

    private void changeStatus(Person person, PersonStatus wanted, LocalDate leftOn) {
        if (wanted == null || wanted == person.getStatus()) {
            return;
        }
        if (person.getStatus() == PersonStatus.LEFT) {
            person.rehire();
            staffStores(List.of(person)).values().stream()
                    .findFirst()
                    .flatMap(this::storeByCode)
                    .ifPresent(store ->
                            staffChanges.joined(callers.current().franchiseId(), person.getId(), store.getId()));
        }
        switch (wanted) {
            case ACTIVE -> {
                if (person.getStatus() == PersonStatus.ON_LEAVE) {
                    person.returnToWork();
                }
            }
            case ON_LEAVE -> person.goOnLeave();
            case LEFT -> {
                person.leave(leftOn == null ? LocalDate.now() : leftOn);
                staffChanges.left(person.getId());
            }
        }
    }

    private static boolean samePerson(PersonRecord before, PersonRecord after) {
        return before.equals(new PersonRecord(
                after.employeeNumber(),
                after.fullName(),
                after.username(),
                after.email(),
                after.language(),
                after.hireDate(),
                after.store(),
                after.status(),
                after.leftOn(),
                before.version()));
    }

    private static PersonRecord record(Person person, String storeCode) {
        return new PersonRecord(
                person.getEmployeeNumber(),
                person.getFullName(),
                person.getAccount().getUsername(),
                person.getEmail(),
                person.getLanguage().tag(),
                person.getHireDate(),
                storeCode,
                person.getStatus(),
                person.getLeftOn(),
                person.getVersion());
    }

    /** The code of the store each person works in (their staff membership), for one query's worth of people. */
    private Map<String, String> staffStores(List<Person> people) {
        Map<String, String> stores = new HashMap<>();
        if (people.isEmpty()) {
            return stores;
        }
        em.createQuery(
                        "select m.person.id, m.store.code from StoreMembership m"
                                + " where m.person in :people and m.role = :staff order by m.store.code desc",
                        Object[].class)
                .setParameter("people", people)
                .setParameter("staff", MembershipRole.STAFF)
                .getResultList()
                .forEach(row -> stores.put((String) row[0], (String) row[1]));
        return stores;
    }

    private Optional<Person> personByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select p from Person p where p.employeeNumber = :number", Person.class)
                .setParameter("number", number.strip())
                .getResultStream()
                .findFirst();
    }

    private Store requireStore(String code) {
        return storeByCode(code).orElseThrow(() -> new BusinessException("error.api.unknownStore", code));
    }

    private static Optional<Language> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                Language.fromTag(tag.strip()).orElseThrow(() -> new BusinessException("error.api.language", tag)));
    }

    private Franchise franchise() {
        return em.find(Franchise.class, callers.current().franchiseId());
    }

    private static void requireVersion(long actual, Long expected) {
        if (expected != null && !Objects.equals(actual, expected)) {
            throw new VersionMismatch();
        }
    }

    private static int pageSize(int limit) {
        return limit < 1 ? 100 : Math.min(limit, MAX_LIMIT);
    }
}
