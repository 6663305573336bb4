package org.charter.service.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import org.charter.model.common.AccessDeniedException;

/**
 * Runs inside the business method's transaction: resolves the caller, checks {@link Permit}, binds the tenant.
 * A guarded method without {@link Permit} is a programming error and fails closed.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GuardInterceptor {

    @Inject
    Callers callers;

    @Inject
    TenantSession tenantSession;

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        Permit permit = permitOf(invocation.getMethod());
        SignedIn caller = callers.current();
        if (!caller.hasAnyRole(permit.value())) {
            throw new AccessDeniedException();
        }
        if (!caller.isPlatformAdmin()) {
            tenantSession.enter(caller.franchiseId());
        }
        return invocation.proceed();
    }

    private static Permit permitOf(Method method) {
        Permit permit = method.getAnnotation(Permit.class);
        if (permit == null) {
            permit = method.getDeclaringClass().getAnnotation(Permit.class);
        }
        if (permit == null) {
            throw new IllegalStateException(method + " is guarded but permits nobody");
        }
        return permit;
    }
}
