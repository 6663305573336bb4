/** Accounts (credentials only, platform-wide) and persons (tenant-owned), roles and memberships. */
package org.charter.model.people;
