package org.charter.service.people;

import java.time.LocalDate;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.PersonStatus;

/** A person as a store's roster shows them. */
public record RosterLine(
        String personId,
        String fullName,
        String username,
        String employeeNumber,
        LocalDate hireDate,
        PersonStatus status,
        String language,
        MembershipRole role,
        boolean awaitingPassword,
        /* no e-mail address: notices reach the person in their inbox only */
        boolean inboxOnly,
        long version) {}
