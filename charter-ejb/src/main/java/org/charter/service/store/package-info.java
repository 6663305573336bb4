/**
 * Regions and stores. HQ writes; store managers read the stores they manage. A store outside the caller's
 * scope is "not found", like another franchise's ({@link org.charter.service.store.StoreScope}).
 */
package org.charter.service.store;
