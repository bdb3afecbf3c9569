/**
 * Personal data over time: the retention rules (a daily job under a lease that erases what the rules say is no longer
 * needed, each erasure audited without the erased data) and guardians' requests to see, correct or erase. Its API is its root package; package-private types are
 * internal. The modules it may use are listed below: a new dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "identity", "intake", "matching", "needs", "platform", "platform :: graphql", "platform :: lease",
    "platform :: mongo", "safety"})
package org.onedoor.backend.privacy;
