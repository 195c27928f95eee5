/**
 * Table-name reconciliation: the table names each POS connection uses (reported with {@code PUT /tables} or seen
 * in events) linked to the restaurant's dining tables. Exact namesakes link by themselves; close names are
 * suggested; a person links, unlinks or renames, with undo. The partner API resolves the tables events name here.
 */
@ApplicationModule(allowedDependencies = {"shared", "restaurant", "reservation", "connection", "partner", "shell",
        "health"})
package io.passerelle.tables;

import org.springframework.modulith.ApplicationModule;
