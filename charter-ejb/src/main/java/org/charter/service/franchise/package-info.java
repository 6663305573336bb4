/**
 * Onboarding, suspending and reactivating franchises: the platform administrator's work. Reads the tenant
 * registry, never a franchise's content; where it writes into a franchise it binds that franchise first.
 */
package org.charter.service.franchise;
