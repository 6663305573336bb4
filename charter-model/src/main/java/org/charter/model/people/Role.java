package org.charter.model.people;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an account may do. The names are the Jakarta Security groups. */
public enum Role {
    PLATFORM_ADMIN,
    HQ_ADMIN,
    STORE_MANAGER,
    EMPLOYEE,
    /** Granted by an API token's scopes, never held by an account (see {@code ApiScope}). */
    API_READ,
    API_WRITE_PEOPLE,
    API_WRITE_STORES;

    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";
    public static final String HQ_ADMIN_NAME = "HQ_ADMIN";
    public static final String STORE_MANAGER_NAME = "STORE_MANAGER";
    public static final String EMPLOYEE_NAME = "EMPLOYEE";

    static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> split(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(","))
                    .map(String::strip)
                    .map(Role::valueOf)
                    .forEach(parsed::add);
        }
        return parsed;
    }
}
