/**
 * Children's files (one child, one file): scope, access log, edits with history, consents, visits, the ledger;
 * counts over the register for other features (FileCensus). Its API is its root package; sub-packages and package-
 * private types are internal. The modules it may use are listed below: a new dependency is a design decision, made
 * here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "geography", "identity", "platform", "platform :: export", "platform :: graphql", "platform :: mongo"})
package org.onedoor.backend.casefiles;
