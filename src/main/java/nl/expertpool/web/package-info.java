/**
 * What every endpoint shares: errors as {@code application/problem+json} naming field and reason.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web",
    allowedDependencies = {"runtime"})
package nl.expertpool.web;
