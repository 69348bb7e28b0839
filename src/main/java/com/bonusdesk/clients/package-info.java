/**
 * Clients and their order history, imported from the ERP: who a client is (by unified social credit code
 * or mobile number, never by name), the names it has had, and when it was last served.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients",
        allowedDependencies = {"calculation", "web"})
package com.bonusdesk.clients;
