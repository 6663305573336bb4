/** The franchise's API tokens: what another system may do through {@code /api/v1}, and for how long. */
package org.charter.model.api;
