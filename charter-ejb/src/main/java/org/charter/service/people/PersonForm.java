package org.charter.service.people;

import java.time.LocalDate;
import org.charter.model.franchise.Language;

/** What a manager or HQ types about a person. {@code username} is used when creating only. */
public record PersonForm(
        String fullName,
        String username,
        String employeeNumber,
        LocalDate hireDate,
        Language language,
        String email,
        long version) {}
