/**
 * Needs drafted from files, published anonymised, shown on the public board; the API matching uses (Needs). Its API
 * is its root package; sub-packages and package-private types are internal. The modules it may use are listed
 * below: a new dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "geography", "platform", "platform :: graphql", "platform :: lease", "platform :: mongo"})
package org.onedoor.backend.needs;
