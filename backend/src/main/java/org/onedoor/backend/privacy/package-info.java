/**
 * Personal data over time: the retention rules (a daily job under a lease that erases what the rules say is no longer
 * needed, each erasure audited without the erased data). Its API is its root package; package-private types are
 * internal. The modules it may use are listed below: a new dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "intake", "platform", "platform :: lease"})
package org.onedoor.backend.privacy;
