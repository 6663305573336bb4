/**
 * What other systems of a franchise do through {@code /api/v1}: HQ's API tokens, and the directory of stores and
 * people that an HR or payroll sync reads and writes by store code and employee number. A token's caller is bound
 * to the token's franchise by the same guard as a signed-in person, with its scopes as roles.
 */
package org.charter.service.api;
