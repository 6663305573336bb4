package org.charter.service.tenancy;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.charter.model.people.Role;

/**
 * The roles allowed to call a guarded method (on the method, or on the class for all its methods). Checked
 * against the account in the database by {@link GuardInterceptor}, in the service layer, whatever page or
 * endpoint made the call.
 */
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Permit {

    Role[] value();
}
