/** The franchise (tenant) and the languages the product speaks. */
package org.charter.model.franchise;
