package org.charter.service.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.charter.model.common.BusinessException;
import org.charter.model.people.Account;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.service.database.DatabaseClock;
import org.charter.service.security.SetupCodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates a person with their sign-in, or gives an existing one a fresh set-password code. */
@ApplicationScoped
public class Enrolment {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    DatabaseClock clock;

    @Inject
    @ConfigProperty(name = "charter.setup-code.days", defaultValue = "14")
    int codeDays;

    /** Runs in a transaction already bound to {@code franchiseId}. */
    public Enrolled enrol(String franchiseId, PersonForm form, Set<Role> roles) {
        String username = Account.normaliseUsername(form.username());
        requireFreeUsername(username);
        Account account = new Account(franchiseId, username, roles);
        String code = issueCode(account);
        Person person = new Person(account, form.fullName(), form.language());
        person.describe(form.fullName(), form.employeeNumber(), form.hireDate(), form.language(), form.email());
        requireFreeEmployeeNumber(person.getEmployeeNumber(), null);
        em.persist(account);
        em.persist(person);
        return new Enrolled(person, new Issued(person.getId(), username, code));
    }

    public Issued reissue(Person person) {
        if (!person.getAccount().isActive()) {
            throw new BusinessException("error.person.left");
        }
        return new Issued(person.getId(), person.getAccount().getUsername(), issueCode(person.getAccount()));
    }

    private String issueCode(Account account) {
        String code = SetupCodes.generate();
        account.issueSetupCode(SetupCodes.hash(code), clock.now().plusDays(codeDays));
        return code;
    }

    void requireFreeEmployeeNumber(String number, String exceptPersonId) {
        if (number == null) {
            return;
        }
        boolean taken = em.createQuery("select p.id from Person p where p.employeeNumber = :number", String.class)
                .setParameter("number", number)
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptPersonId));
        if (taken) {
            throw new BusinessException("error.person.numberTaken", number);
        }
    }

    private void requireFreeUsername(String username) {
        if (!em.createQuery("select a.id from Account a where a.username = :username", String.class)
                .setParameter("username", username)
                .getResultList()
                .isEmpty()) {
            throw new BusinessException("error.username.taken", username);
        }
    }

    /** The new person and the code to hand them. */
    public record Enrolled(Person person, Issued issued) {}
}
