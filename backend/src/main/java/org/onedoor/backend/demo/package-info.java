/**
 * The demo profile's register: consents and needs through the real services (never in production). Its API is its
 * root package; sub-packages and package-private types are internal. The modules it may use are listed below: a new
 * dependency is a design decision, made here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casefiles", "needs", "platform"})
package org.onedoor.backend.demo;
