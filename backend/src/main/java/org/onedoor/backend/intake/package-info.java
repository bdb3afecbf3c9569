/**
 * The one door: applications, reports, sign-ups and offers come in, get a receipt and go to the departments'
 * queues; tells others by IntakeEvent. Its API is its root package; sub-packages and package-private types are
 * internal. The modules it may use are listed below: a new dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "geography", "identity", "needs", "platform", "platform :: events", "platform :: graphql",
    "platform :: lease", "platform :: ratelimit", "registry"})
package org.onedoor.backend.intake;
