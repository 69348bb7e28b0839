/**
 * The embedded PostgreSQL that the app runs on when no database is configured: real PostgreSQL binaries
 * started and stopped with the application, keeping their files in {@code bonusdesk.data-dir}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded database",
        allowedDependencies = {})
package com.bonusdesk.database;
