package org.charter.service.api;

import java.time.LocalDate;
import org.charter.model.people.PersonStatus;

/**
 * A person as the API shows and takes them, keyed by employee number. {@code store} is the code of the store
 * they work in; {@code username} is used only when the person is created; {@code version} is the entity tag.
 */
public record PersonRecord(
        String employeeNumber,
        String fullName,
        String username,
        String email,
        String language,
        LocalDate hireDate,
        String store,
        PersonStatus status,
        LocalDate leftOn,
        Long version) {}
