/**
 * The safety chain (安全保护机制) after a mandatory report or an emergency application: the child seen, immediate
 * safety in a place from the registers, the assessment, guardianship intervention and closure — steps with
 * deadlines that the lead department and the township record, escalating when overdue, on the child's timeline.
 * Its API is its root package. The modules it may use are listed below: a new dependency is a design decision,
 * made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "geography", "identity", "intake", "needs", "registry", "platform", "platform :: events",
    "platform :: graphql", "platform :: lease"})
package org.onedoor.backend.safety;
