/**
 * Screening campaigns and their progress per village; the oversight indicators (督导考核) and the monthly report. Its API is its root package; sub-packages and package-private
 * types are internal. The modules it may use are listed below: a new dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
    "casefiles", "geography", "identity", "intake", "matching", "needs", "needs :: publication", "platform", "platform :: export",
    "platform :: graphql"})
package org.onedoor.backend.oversight;
