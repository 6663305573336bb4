/** What every entity shares: the tenant-owned base, ids, column lengths, the expected failures. */
package org.charter.model.common;
