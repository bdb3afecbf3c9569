/**
 * Offers of help matched to needs, approved by civil affairs, delivered and confirmed. Its API is its root package;
 * sub-packages and package-private types are internal. The modules it may use are listed below: a new dependency is
 * a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "geography", "identity", "intake", "needs", "platform", "platform :: events", "platform :: graphql",
    "platform :: lease",
    "registry"})
package org.onedoor.backend.matching;
