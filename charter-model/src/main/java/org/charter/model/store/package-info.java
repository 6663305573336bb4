/** Regions, stores, their contact channels and service hours. */
package org.charter.model.store;
