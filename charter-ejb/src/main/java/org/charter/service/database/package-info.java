/**
 * The database before anything else: provisioning of database and roles (development and tests), migrations
 * as the owner role at start-up, and the database clock that every instance shares.
 */
package org.charter.service.database;
