/**
 * The registers of children's homes, organisations, volunteers and caring families. Its API is its root package;
 * sub-packages and package-private types are internal. The modules it may use are listed below: a new dependency is
 * a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "geography", "identity", "needs", "needs :: publication", "platform", "platform :: graphql", "platform :: mongo"})
package org.onedoor.backend.registry;
