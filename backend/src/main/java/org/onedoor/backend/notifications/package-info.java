/**
 * The in-app notification centre, fed by the one door's events. Its API is its root package; sub-packages and
 * package-private types are internal. The modules it may use are listed below: a new dependency is a design
 * decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "identity", "intake", "matching", "needs", "platform", "platform :: graphql", "safety"})
package org.onedoor.backend.notifications;
