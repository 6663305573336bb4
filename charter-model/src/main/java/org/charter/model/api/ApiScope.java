package org.charter.model.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.charter.model.people.Role;

/** What a token may do. Each scope grants its caller one role, which the services' permits name. */
public enum ApiScope {
    /** Read stores, people, compliance and evidence. */
    READ(Role.API_READ),
    /** Create and change people: an HR or payroll sync. */
    WRITE_PEOPLE(Role.API_WRITE_PEOPLE),
    /** Create and change stores and regions. */
    WRITE_STORES(Role.API_WRITE_STORES);

    private final Role role;

    ApiScope(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public static Set<Role> roles(Set<ApiScope> scopes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        scopes.forEach(scope -> roles.add(scope.role));
        return roles;
    }

    static String join(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::name).sorted().collect(Collectors.joining(","));
    }

    public static Set<ApiScope> split(String scopes) {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(","))
                .map(String::strip)
                .map(ApiScope::valueOf)
                .forEach(parsed::add);
        return parsed;
    }
}
