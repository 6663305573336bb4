/**
 * Who is calling, and the tenant their transaction works in.
 *
 * <p>Every service that touches tenant data is {@link org.charter.service.tenancy.Guarded}: before the business
 * method runs, inside its transaction, the {@link org.charter.service.tenancy.GuardInterceptor} looks up the
 * signed-in account (never a URL, form field or header), refuses roles the method does not {@link
 * org.charter.service.tenancy.Permit}, and binds the account's franchise with {@link
 * org.charter.service.tenancy.TenantSession}: once for EclipseLink's tenant filter (lock one) and once with a
 * transaction-local {@code set_config} for PostgreSQL's row-level security (lock two). Both end with the
 * transaction, so a pooled connection never carries a tenant into the next one.
 */
package org.charter.service.tenancy;
