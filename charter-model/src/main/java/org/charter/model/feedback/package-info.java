/**
 * What customers tell a store (compliments, suggestions, complaints) with the deadlines the charter promised for
 * them, the case's thread, and the corrective actions taken on an employee.
 */
package org.charter.model.feedback;
