package org.charter.service.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a file holds, its columns (in the order a template shows them) and which of them it must have. */
public enum ImportKind {
    STAFF(
            List.of("employeeNumber", "fullName", "store", "email", "language", "hireDate", "username"),
            List.of("employeeNumber", "fullName", "store")),
    STORES(
            List.of("code", "name", "region", "street", "postalCode", "city", "country", "timeZone"),
            List.of("code", "name"));

    private final Set<String> columns;
    private final Set<String> required;

    ImportKind(List<String> columns, List<String> required) {
        this.columns = new LinkedHashSet<>(columns);
        this.required = new LinkedHashSet<>(required);
    }

    public Set<String> columns() {
        return columns;
    }

    public Set<String> required() {
        return required;
    }
}
