/**
 * Townships and villages: public reference data every feature names places by. Its API is its root package; sub-
 * packages and package-private types are internal. The modules it may use are listed below: a new dependency is a
 * design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: graphql"})
package org.onedoor.backend.geography;
