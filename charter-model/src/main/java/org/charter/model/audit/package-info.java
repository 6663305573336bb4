/** The append-only audit trail. */
package org.charter.model.audit;
