/**
 * Accounts, sign-in, tokens and the caller: who is asking and what they may see. Its API is its root package; sub-
 * packages and package-private types are internal. The modules it may use are listed below: a new dependency is a
 * design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "geography", "platform", "platform :: graphql", "platform :: ratelimit"})
package org.onedoor.backend.identity;
